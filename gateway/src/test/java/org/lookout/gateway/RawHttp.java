package org.lookout.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.core.json.JsonObject;

/**
 * Sends a request to the gateway byte for byte, as an attacker would: no client library normalises the path,
 * re-encodes it or fixes the Host header. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {

    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonObject json() {
            return new JsonObject(body);
        }
    }

    private RawHttp() {
    }

    /** {@code GET path} with the given extra header lines (each {@code "Name: value"}). */
    public static Answer get(String path, String... headerLines) {
        return send("GET " + path + " HTTP/1.1", headerLines);
    }

    public static Answer send(String requestLine, String... headerLines) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        boolean host = false;
        for (String line : headerLines) {
            head.append(line).append("\r\n");
            host |= line.regionMatches(true, 0, "Host:", 0, 5);
        }
        if (!host) {
            head.append("Host: localhost:").append(port()).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return exchange(head.toString());
    }

    /** Writes the bytes as given and reads the answer until the gateway closes the connection. */
    public static Answer exchange(String request) {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("exchange with the gateway failed", e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // the gateway may close right after a refusal; what arrived before is the answer
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static Answer parse(String raw) {
        int headEnd = raw.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalStateException("no complete answer: " + raw);
        }
        String[] lines = raw.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = raw.substring(headEnd + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }
}
