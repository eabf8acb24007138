package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpClosedException;

class ClientAbortsTest {

    @Test
    void aBodyThatStoppedIsTheCallersSideWhateverTheConnectionSays() {
        IOException reset = new IOException(new SocketException("Connection reset"));
        RuntimeException wrapped = new RuntimeException(new InterruptedBodyException(reset));

        assertThat(ClientAborts.isClientAbort(wrapped, false)).isTrue();
    }

    @Test
    void aClosedConnectionIsAnAbortOnlyWhenTheCallersConnectionIsClosed() {
        // as RESTEasy Reactive wraps it: IOException(IOException(HttpClosedException)), which also refers to itself
        IOException inner = new IOException(new HttpClosedException("Connection was closed"));
        IOException outer = new IOException(inner);

        assertThat(ClientAborts.isClientAbort(outer, true)).isTrue();
        assertThat(ClientAborts.isClientAbort(outer, false)).as("e.g. the database's connection").isFalse();
        assertThat(ClientAborts.isClientAbort(new SocketException("Connection reset by peer"), true)).isTrue();
        assertThat(ClientAborts.isClientAbort(new ClosedChannelException(), true)).isTrue();
        assertThat(ClientAborts.isClientAbort(new IOException("Broken pipe"), true)).isTrue();
    }

    @Test
    void theMultipartParserFailingOnItsTornDownStateIsAnAbortOnlyWhenTheCallersConnectionIsClosed() {
        NullPointerException parser = new NullPointerException();
        parser.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.jboss.resteasy.reactive.server.core.multipart.MultipartParser$ParseState",
                        "entity", "MultipartParser.java", 250),
                new StackTraceElement("org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition$"
                        + "MultiPartUploadHandler$NonBlockingParseTask$1", "run", "MultiPartParserDefinition.java", 450) });

        assertThat(ClientAborts.isClientAbort(parser, true)).isTrue();
        assertThat(ClientAborts.isClientAbort(parser, false)).as("the connection still open: a defect").isFalse();
        assertThat(ClientAborts.isClientAbort(new NullPointerException(), true)).as("any other NPE").isFalse();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ClientAborts.isClientAbort(new IllegalStateException("Connection was closed"), true)).isFalse();
        assertThat(ClientAborts.isClientAbort(new IOException("Connection terminated reading multipart data"), true))
                .isFalse();
    }

    @Test
    void aBodyReadThatTimedOutIsAStalledBody() {
        // as the JSON reader sees it: the blocking body read's timeout, marked by the UTF-8 check
        RuntimeException wrapped = new RuntimeException(new InterruptedBodyException(new IOException("Read timed out")));

        assertThat(ClientAborts.isClientAbort(wrapped, true)).isTrue();
        assertThat(ClientAborts.isStalledBody(wrapped)).isTrue();
        assertThat(ClientAborts.isStalledBody(new RuntimeException(new InterruptedBodyException(
                new IOException(new java.net.SocketException("Connection reset")))))).isFalse();
    }
}
