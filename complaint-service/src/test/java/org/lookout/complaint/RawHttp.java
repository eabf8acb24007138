package org.lookout.complaint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;

/**
 * Requests as a broken or impatient client sends them, on a plain socket to the service under test: a body that lies
 * about its length or stops halfway, a connection dropped mid-upload. rest-assured only sends well-formed requests.
 */
public final class RawHttp {

    /** How the client leaves: {@code CLOSE} sends FIN (it stops sending), {@code RESET} sends RST (it is gone). */
    public enum Ending {
        CLOSE, RESET
    }

    private RawHttp() {
    }

    /** Sends the request and reads the answer until the server closes the connection. */
    public static String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sends the head and the first {@code sent} bytes of the body (as chunks when {@code chunked}), then leaves. */
    public static void abandon(String head, byte[] body, int sent, boolean chunked, Ending ending) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            for (int offset = 0; offset < sent; offset += 65_536) {
                int length = Math.min(65_536, sent - offset);
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(body, offset, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            out.flush();
            if (ending == Ending.RESET) {
                socket.setSoLinger(true, 0);
            } else {
                socket.shutdownOutput();
            }
        }
    }

    /**
     * Sends the head and the first {@code sent} bytes of the body as chunks, then sends nothing more and keeps the
     * connection open until the returned socket is closed.
     */
    public static Socket stall(String head, byte[] body, int sent) throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write((Integer.toHexString(sent) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, sent);
        out.flush();
        return socket;
    }

    /** A multipart/form-data body with one file part. */
    public static byte[] multipart(String boundary, String field, String fileName, byte[] content, boolean closed) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        if (closed) {
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return body.toByteArray();
    }

    public static byte[] concat(String head, byte[] body) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        all.writeBytes(body);
        return all.toByteArray();
    }
}
