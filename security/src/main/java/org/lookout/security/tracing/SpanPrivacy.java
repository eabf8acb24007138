package org.lookout.security.tracing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps personal data out of every span the HTTP instrumentation starts: a query string may carry a name or a phone
 * number a caller typed (search, filters), and an address identifies a resident. Paths stay: they hold ids and tracking
 * numbers, which are references, not personal data (the secret of an anonymous report travels in a header, which no
 * span records). The SDK cannot remove an attribute, so each is overwritten as the span starts, before any exporter
 * sees it.
 */
@ApplicationScoped
public class SpanPrivacy implements SpanProcessor {

    static final String REDACTED = "redacted";
    /** Semantic-convention keys whose values may be personal; {@code url.full} is cut at its query. */
    static final List<AttributeKey<String>> REDACTED_KEYS = List.of(
            AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("client.address"),
            AttributeKey.stringKey("network.peer.address"),
            AttributeKey.stringKey("user_agent.original"),
            AttributeKey.stringKey("http.client_ip"),
            AttributeKey.stringKey("net.sock.peer.addr"),
            AttributeKey.stringKey("http.user_agent"));
    static final List<AttributeKey<String>> URL_KEYS = List.of(
            AttributeKey.stringKey("url.full"),
            AttributeKey.stringKey("http.url"),
            AttributeKey.stringKey("http.target"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (AttributeKey<String> key : REDACTED_KEYS) {
            if (span.getAttribute(key) != null) {
                span.setAttribute(key, REDACTED);
            }
        }
        for (AttributeKey<String> key : URL_KEYS) {
            String url = span.getAttribute(key);
            int query = url == null ? -1 : url.indexOf('?');
            if (query >= 0) {
                span.setAttribute(key, url.substring(0, query) + "?" + REDACTED);
            }
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
