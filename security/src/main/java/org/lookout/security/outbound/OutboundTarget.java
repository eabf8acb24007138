package org.lookout.security.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A URL that passed {@link OutboundUrls}, with the addresses its host resolved to when it was checked. A caller connects
 * to {@link #pinned()} (sending {@link #host()} as Host and TLS server name), so a DNS answer that changes after the check
 * cannot redirect the connection.
 */
public record OutboundTarget(URI uri, String host, int port, boolean https, List<InetAddress> addresses) {

    public OutboundTarget {
        addresses = List.copyOf(addresses);
    }

    /** The address to connect to. */
    public InetAddress pinned() {
        return addresses.getFirst();
    }

    /** Path and query as an HTTP request line carries them. */
    public String requestUri() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
