package org.lookout.security.outbound;

import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;

/** {@code lookout.outbound-urls}: the hosts that may be called although they are not public (tests, the local stack). */
@ConfigMapping(prefix = "lookout.outbound-urls")
public interface OutboundUrlConfig {

    /** Exact host names or addresses, e.g. {@code 127.0.0.1}; none by default (production). */
    Optional<Set<String>> allowedHosts();
}
