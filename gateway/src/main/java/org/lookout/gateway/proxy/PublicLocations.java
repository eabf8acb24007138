package org.lookout.gateway.proxy;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.lookout.gateway.config.GatewayConfig;

/**
 * Rewrites an upstream's {@code Location} or {@code Content-Location} that points at the upstream itself (its own
 * address, or the Host the caller sent, should a service ever build links from forwarded headers) to the gateway's
 * configured public URL. The public URL never comes from the request, so a forged Host cannot end up in a link.
 * Relative locations and locations on other hosts stay as they are.
 */
final class PublicLocations {

    /** Optional scheme, then {@code //authority}, then the rest (path, query, fragment). */
    private static final Pattern ABSOLUTE = Pattern.compile("^(?:([A-Za-z][A-Za-z0-9+.-]*):)?//([^/?#]*)(.*)$",
            Pattern.DOTALL);

    private final String publicBase;
    private final Set<String> upstreamHosts;

    PublicLocations(URI publicUrl, Collection<URI> upstreamUrls) {
        String scheme = publicUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || publicUrl.getHost() == null || publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null) {
            throw new IllegalStateException("lookout.gateway.public-url must be an http(s) URL without query or fragment, was "
                    + publicUrl);
        }
        String base = publicUrl.toString();
        this.publicBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.upstreamHosts = upstreamUrls.stream()
                .map(url -> hostAndPort(url.getScheme(), url.getRawAuthority()))
                .collect(Collectors.toUnmodifiableSet());
    }

    static PublicLocations from(GatewayConfig config) {
        return new PublicLocations(config.publicUrl(), UpstreamInstances.from(config).allUrls());
    }

    /**
     * @param location the header's value as the upstream sent it
     * @param requestScheme the scheme the caller used (for a scheme-relative location and the caller's Host)
     * @param callerHost the Host (authority) the caller sent, or null
     */
    String rewrite(String location, String requestScheme, String callerHost) {
        Matcher absolute = ABSOLUTE.matcher(location);
        if (!absolute.matches()) {
            return location;
        }
        String scheme = absolute.group(1) != null ? absolute.group(1) : requestScheme;
        String target = hostAndPort(scheme, absolute.group(2));
        boolean pointsAtUpstream = target != null && (upstreamHosts.contains(target)
                || callerHost != null && target.equals(hostAndPort(requestScheme, callerHost)));
        if (!pointsAtUpstream) {
            return location;
        }
        String rest = absolute.group(3);
        return publicBase + (rest.startsWith("/") ? rest : "/" + rest);
    }

    /** {@code host:port} in lower case with the scheme's default port filled in; null when it cannot be read. */
    private static String hostAndPort(String scheme, String authority) {
        if (authority == null || authority.isEmpty()) {
            return null;
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        int portStart = hostPort.startsWith("[") ? hostPort.indexOf(']') + 1 : hostPort.lastIndexOf(':');
        if (portStart > 0 && portStart < hostPort.length() && hostPort.charAt(portStart) == ':') {
            String port = hostPort.substring(portStart + 1);
            if (port.isEmpty()) {
                return hostPort.substring(0, portStart) + ':' + defaultPort(scheme);
            }
            return port.chars().allMatch(Character::isDigit) ? hostPort : null;
        }
        return hostPort + ':' + defaultPort(scheme);
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
