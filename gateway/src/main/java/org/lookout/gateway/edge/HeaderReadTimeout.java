package org.lookout.gateway.edge;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;
import org.lookout.gateway.config.GatewayConfig;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;

/**
 * A deadline for a request's line and headers ({@code lookout.gateway.header-read-timeout}), which neither vert.x 4.5
 * nor Quarkus offer: the idle timeout is reset by every byte, so a client trickling one header byte every few seconds
 * (slow loris) held a connection forever. The clock starts when a connection opens, and on a kept-alive connection
 * with the first byte after the previous request's body; it stops when the headers are complete. Past it the
 * connection gets a 408 problem (or, with an answer still being written, nothing) and is closed.
 *
 * <p>Installed once the HTTP server listens: a handler on its listening channel adds, to every accepted connection,
 * one handler in front of vert.x's (raw bytes: starts the clock) and one behind its HTTP codec (decoded requests and
 * written answers: stops it, counts answers in progress). HTTP/1 only; other connections are left alone.
 */
@ApplicationScoped
public class HeaderReadTimeout {

    private static final Logger LOG = Logger.getLogger(HeaderReadTimeout.class);
    private static final AttributeKey<Boolean> HOOKED = AttributeKey.valueOf(HeaderReadTimeout.class.getName());
    private static final String RAW = "lookout-header-clock";
    private static final String DECODED = "lookout-header-watch";

    private final long timeoutMillis;

    public HeaderReadTimeout(GatewayConfig config) {
        this.timeoutMillis = config.headerReadTimeout().toMillis();
    }

    void install(@ObservesAsync HttpServerStart started, Vertx vertx) {
        for (HttpServerImpl server : ((VertxInternal) vertx).sharedHttpServers().values()) {
            Channel listening = listeningChannel(server);
            if (listening == null) {
                LOG.warn("header read timeout not installed: the HTTP server's listening channel is not reachable");
                continue;
            }
            if (listening.attr(HOOKED).setIfAbsent(Boolean.TRUE) == null) {
                listening.pipeline().addFirst(new AcceptedConnections(timeoutMillis));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Channel listeningChannel(TCPServerBase server) {
        try {
            Field bind = TCPServerBase.class.getDeclaredField("bindFuture");
            bind.setAccessible(true);
            Future<Channel> future = (Future<Channel>) bind.get(server);
            return future == null ? null : future.result();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** On the listening channel: puts the clock on every accepted connection before vert.x configures it. */
    @ChannelHandler.Sharable
    static final class AcceptedConnections extends ChannelInboundHandlerAdapter {
        private final long timeoutMillis;

        AcceptedConnections(long timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel accepted) {
                accepted.pipeline().addFirst(RAW, new Clock(timeoutMillis));
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** First in a connection's pipeline: sees raw bytes, owns the deadline and writes the 408. */
    static final class Clock extends ChannelInboundHandlerAdapter {
        private final long timeoutMillis;
        private ChannelHandlerContext ctx;
        private ScheduledFuture<?> deadline;
        private boolean awaitingHeaders = true;
        private int answersInProgress;
        private boolean watching;
        private int unwatchedReads;
        private int newlines;

        Clock(long timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            this.ctx = ctx;
            start();
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            this.ctx = ctx;
            if (awaitingHeaders) {
                start();
            }
            if (watching) {
                ctx.fireChannelRead(msg);
                return;
            }
            // vert.x configures its HTTP/1 codec while the first bytes pass (it first checks for HTTP/2): until the
            // watcher behind the codec is in place, the end of the headers is found in the raw bytes
            if (msg instanceof ByteBuf bytes && awaitingHeaders && endsHeaders(bytes)) {
                headersComplete();
            }
            ctx.fireChannelRead(msg);
            if (ctx.pipeline().get("httpEncoder") != null) {
                watching = true;
                ctx.pipeline().addAfter("httpEncoder", DECODED, new Watch(this));
            } else if (++unwatchedReads > 16) {
                // not an HTTP/1 connection as vert.x configured it: no clock
                awaitingHeaders = false;
                stop();
                ctx.pipeline().remove(this);
            }
        }

        /** Whether the bytes complete a {@code CRLF CRLF} (or bare {@code LF LF}), counting across reads. */
        private boolean endsHeaders(ByteBuf bytes) {
            for (int i = bytes.readerIndex(); i < bytes.writerIndex(); i++) {
                byte b = bytes.getByte(i);
                if (b == '\n') {
                    if (++newlines == 2) {
                        newlines = 0;
                        return true;
                    }
                } else if (b != '\r') {
                    newlines = 0;
                }
            }
            return false;
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            stop();
            ctx.fireChannelInactive();
        }

        void headersComplete() {
            awaitingHeaders = false;
            answersInProgress++;
            stop();
        }

        void requestComplete() {
            awaitingHeaders = true;
        }

        void answerComplete() {
            answersInProgress = Math.max(0, answersInProgress - 1);
            if (answersInProgress == 0) {
                // answered: whatever comes next is a new request's line and headers
                awaitingHeaders = true;
            }
        }

        private void start() {
            if (deadline == null && ctx != null) {
                deadline = ctx.executor().schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
            }
        }

        private void stop() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }

        private void expire() {
            deadline = null;
            if (!awaitingHeaders || !ctx.channel().isActive()) {
                return;
            }
            if (answersInProgress > 0) {
                ctx.close();
                return;
            }
            byte[] body = ("{\"type\":\"urn:lookout:problem:invalid-request\",\"title\":\"Invalid request\",\"status\":408,"
                    + "\"detail\":\"The request line and headers did not arrive within " + (timeoutMillis / 1000)
                    + " s.\"}").getBytes(StandardCharsets.UTF_8);
            byte[] head = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/problem+json\r\n"
                    + "Cache-Control: no-store\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(head, body)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Behind vert.x's HTTP codec: a request's headers decoded, its body's end, an answer's end. */
    static final class Watch extends ChannelDuplexHandler {
        private final Clock clock;

        Watch(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                clock.headersComplete();
            }
            if (msg instanceof LastHttpContent) {
                clock.requestComplete();
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse && isInterim((HttpResponse) msg))) {
                clock.answerComplete();
            }
            ctx.write(msg, promise);
        }

        private static boolean isInterim(HttpResponse response) {
            return response.status().code() < 200;
        }
    }
}
