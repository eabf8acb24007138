package org.lookout.security.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which URLs the platform calls on someone's behalf (webhooks, an agency's endpoint): https to a public address only.
 * Refused (server-side request forgery): loopback, private, shared (CGNAT), link-local and cloud-metadata addresses,
 * unspecified, multicast, reserved and documentation ranges, their IPv6 forms (loopback, unique-local, link-local,
 * IPv4-mapped, -compatible, NAT64, 6to4, Teredo), addresses written other than as four decimal numbers ({@code 2130706433},
 * {@code 0x7f000001}, {@code 0177.0.0.1}, {@code 127.1}), names that embed an address ({@code 127.0.0.1.nip.io}) or are
 * local by definition ({@code localhost}, {@code *.internal}), ports outside 1–65535, credentials in the URL. A name is
 * resolved and every address it has is checked; callers check again when they connect and connect to the address
 * checked ({@link OutboundTarget#pinned()}). Hosts named in the configuration ({@code allowedHosts}, e.g. 127.0.0.1 for
 * tests and the local stack) skip the address checks and may use plain http.
 */
public final class OutboundUrls {

    /** Wildcard-DNS services that answer any name with the address written in it. */
    private static final List<String> ADDRESS_ECHO_DOMAINS = List.of("nip.io", "sslip.io", "xip.io", "nip.direct",
            "localtest.me", "lvh.me", "vcap.me", "lacolhost.com", "traefik.me", "localh.st", "fbi.com", "1u.ms");
    /** Names that never leave the machine or the cloud account. */
    private static final List<String> LOCAL_SUFFIXES = List.of("localhost", "local", "internal", "localdomain",
            "home.arpa", "intranet", "lan");
    private static final Set<String> METADATA_NAMES = Set.of("metadata", "instance-data", "metadata.google.internal");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern DECIMAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern DASHED_ADDRESS = Pattern.compile("(^|[^0-9])[0-9]{1,3}-[0-9]{1,3}-[0-9]{1,3}-[0-9]{1,3}($|[^0-9])");

    private final Set<String> allowedHosts;
    private final HostResolver resolver;

    public OutboundUrls(Set<String> allowedHosts, HostResolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(OutboundUrls::normalise).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** The URL as a target to connect to; {@link UnsafeUrlException} saying why when it is not one. Resolves names: blocking. */
    public OutboundTarget check(String url) {
        if (url == null || url.isBlank()) {
            throw new UnsafeUrlException("must be a URL");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new UnsafeUrlException("must be a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UnsafeUrlException("must be an https URL");
        }
        Authority authority = Authority.of(uri);
        String host = authority.host();
        boolean allowed = allowedHosts.contains(host);
        if (!scheme.equals("https") && !allowed) {
            throw new UnsafeUrlException("must be https (plain http only to a host the configuration allows)");
        }
        int port = authority.port() < 0 ? (scheme.equals("https") ? 443 : 80) : authority.port();
        List<InetAddress> addresses = allowed ? resolveAllowed(host) : resolvePublic(host);
        return new OutboundTarget(uri, host, port, scheme.equals("https"), addresses);
    }

    /** Checks the addresses of a target again (at delivery time: DNS may have changed since it was registered). */
    public OutboundTarget recheck(URI uri) {
        return check(uri.toString());
    }

    private List<InetAddress> resolveAllowed(String host) {
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new UnsafeUrlException("the host " + host + " does not resolve");
        }
    }

    private List<InetAddress> resolvePublic(String host) {
        if (host.contains(":")) {
            return List.of(requirePublic(literal(host)));
        }
        List<String> labels = List.of(host.split("\\."));
        if (labels.stream().allMatch(label -> NUMERIC_LABEL.matcher(label).matches())) {
            if (labels.size() != 4 || !labels.stream().allMatch(label -> DECIMAL_OCTET.matcher(label).matches()
                    && Integer.parseInt(label) <= 255)) {
                throw new UnsafeUrlException("an IP address must be written as four decimal numbers (a.b.c.d)");
            }
            return List.of(requirePublic(literal(host)));
        }
        refuseLocalNames(host, labels);
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new UnsafeUrlException("the host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new UnsafeUrlException("the host " + host + " does not resolve");
        }
        addresses.forEach(OutboundUrls::requirePublic);
        return addresses;
    }

    private static void refuseLocalNames(String host, List<String> labels) {
        if (METADATA_NAMES.contains(host)) {
            throw new UnsafeUrlException("must not point at a cloud metadata service");
        }
        for (String suffix : LOCAL_SUFFIXES) {
            if (host.equals(suffix) || host.endsWith("." + suffix)) {
                throw new UnsafeUrlException("must not point at a local name (" + suffix + ")");
            }
        }
        for (String domain : ADDRESS_ECHO_DOMAINS) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                throw new UnsafeUrlException("must not use a name that echoes an address (" + domain + ")");
            }
        }
        int run = 0;
        for (String label : labels) {
            run = label.matches("[0-9]{1,3}") ? run + 1 : 0;
            if (run == 4) {
                throw new UnsafeUrlException("must not use a name that embeds an IP address");
            }
        }
        if (DASHED_ADDRESS.matcher(host).find()) {
            throw new UnsafeUrlException("must not use a name that embeds an IP address");
        }
    }

    private static InetAddress literal(String host) {
        try {
            // a literal: getByName parses it without asking DNS
            return InetAddress.getByName(host.contains(":") ? "[" + host + "]" : host);
        } catch (UnknownHostException e) {
            throw new UnsafeUrlException("must be a URL with a valid host");
        }
    }

    private static InetAddress requirePublic(InetAddress address) {
        String why = notPublic(address);
        if (why != null) {
            throw new UnsafeUrlException("must not point at " + why + " (" + address.getHostAddress() + ")");
        }
        return address;
    }

    /** Why {@code address} is not a public unicast address, or null when it is one. */
    static String notPublic(InetAddress address) {
        if (address instanceof Inet4Address) {
            return notPublic4(address.getAddress());
        }
        byte[] a = address.getAddress();
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress() || (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress() || (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0xc0) {
            return "a site-local address";
        }
        if ((a[0] & 0xfe) == 0xfc) {
            return "a unique-local (private) address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (prefix(a, 12, new byte[12])) {
            return "an IPv4-compatible address";
        }
        if (prefix(a, 12, new byte[] { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 })) {
            String embedded = notPublic4(new byte[] { a[12], a[13], a[14], a[15] });
            return embedded == null ? null : "a NAT64 form of " + embedded;
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            String embedded = notPublic4(new byte[] { a[2], a[3], a[4], a[5] });
            return embedded == null ? null : "a 6to4 form of " + embedded;
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x01 && a[2] == 0 && a[3] == 0) {
            return "a Teredo address";
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return "a documentation address";
        }
        if (a[0] == 1 && a[1] == 0 && prefix(new byte[] { a[2], a[3], a[4], a[5], a[6], a[7] }, 6, new byte[6])) {
            return "a discard address";
        }
        return null;
    }

    private static String notPublic4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 0) {
            return "the unspecified network (0.0.0.0/8)";
        }
        if (b0 == 127) {
            return "a loopback address";
        }
        if (b0 == 10 || b0 == 172 && b1 >= 16 && b1 <= 31 || b0 == 192 && b1 == 168) {
            return "a private address";
        }
        if (b0 == 169 && b1 == 254) {
            return "a link-local or cloud metadata address";
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return "a shared (carrier-grade NAT) address";
        }
        if (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2) || b0 == 198 && b1 == 51 && b2 == 100
                || b0 == 203 && b1 == 0 && b2 == 113 || b0 == 198 && (b1 == 18 || b1 == 19) || b0 == 192 && b1 == 88 && b2 == 99) {
            return "a reserved or documentation address";
        }
        if (b0 >= 224) {
            return "a multicast or reserved address";
        }
        return null;
    }

    private static boolean prefix(byte[] address, int length, byte[] expected) {
        for (int i = 0; i < length; i++) {
            if (address[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** Host and port of a URL's authority, also where {@link URI} gives up on the host (an all-digit name). */
    private record Authority(String host, int port) {

        static Authority of(URI uri) {
            String raw = uri.getRawAuthority();
            if (raw == null || raw.isEmpty()) {
                throw new UnsafeUrlException("must be an absolute URL with a host");
            }
            if (raw.contains("@")) {
                throw new UnsafeUrlException("must not carry credentials");
            }
            String host;
            String portText = null;
            if (raw.startsWith("[")) {
                int end = raw.indexOf(']');
                if (end < 0) {
                    throw new UnsafeUrlException("must be a URL with a valid host");
                }
                host = raw.substring(1, end);
                String rest = raw.substring(end + 1);
                if (rest.startsWith(":")) {
                    portText = rest.substring(1);
                } else if (!rest.isEmpty()) {
                    throw new UnsafeUrlException("must be a URL with a valid host");
                }
            } else {
                int colon = raw.lastIndexOf(':');
                host = colon < 0 ? raw : raw.substring(0, colon);
                portText = colon < 0 ? null : raw.substring(colon + 1);
            }
            if (host.isEmpty() || host.contains("%") || !host.matches("[A-Za-z0-9.:_-]+")) {
                throw new UnsafeUrlException("must be a URL with a valid host");
            }
            int port = -1;
            if (portText != null && !portText.isEmpty()) {
                if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65535) {
                    throw new UnsafeUrlException("must have a port between 1 and 65535");
                }
                port = Integer.parseInt(portText);
            }
            return new Authority(normalise(host), port);
        }
    }

    /** The hosts a configuration allows, as given (for messages). */
    public List<String> allowedHosts() {
        return new ArrayList<>(allowedHosts);
    }
}
