package org.lookout.gateway.routing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one form of a request path that the gateway routes, rate-limits and forwards, so that no spelling of a path
 * can be matched one way at the edge and another way by the service. From the raw path as sent: matrix parameters
 * ({@code ;x=1}) are cut from every segment, percent-encoded unreserved characters are decoded and the remaining
 * encodings upper-cased, empty segments ({@code //}) are dropped and dot segments (also {@code %2e%2e}) resolved.
 * A path that would mean something else to a service (an encoded slash, backslash, semicolon or control character,
 * a raw backslash) is not routed at all; a path that is not a valid URI path is a bad request.
 */
public sealed interface NormalisedPath {

    /** The normal form, starting with {@code /}; a trailing slash is kept. */
    record Routable(String path) implements NormalisedPath {
    }

    /** Refused before routing: {@code status} 400 (not a valid path) or 404 (names nothing a service has). */
    record Rejected(int status, String detail) implements NormalisedPath {
    }

    Rejected MALFORMED_ENCODING = new Rejected(400, "The request path has a malformed percent-encoding.");
    Rejected ILLEGAL_CHARACTER = new Rejected(400, "The request path has a character that must be percent-encoded.");
    Rejected AMBIGUOUS = new Rejected(404,
            "No Lookout resource has a backslash or an encoded slash, backslash, semicolon or control character in its path.");

    static NormalisedPath of(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return new Rejected(404, "No Lookout resource has this path.");
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] raw = rawPath.substring(1).split("/", -1);
        boolean trailingSlash = false;
        for (int i = 0; i < raw.length; i++) {
            String segment = raw[i];
            int matrix = segment.indexOf(';');
            if (matrix >= 0) {
                segment = segment.substring(0, matrix);
            }
            StringBuilder decoded = new StringBuilder(segment.length());
            Rejected rejected = decodeUnreserved(segment, decoded);
            if (rejected != null) {
                return rejected;
            }
            String normal = decoded.toString();
            boolean last = i == raw.length - 1;
            switch (normal) {
                case "", "." -> trailingSlash = last && (!segments.isEmpty() || !normal.isEmpty());
                case ".." -> {
                    segments.pollLast();
                    trailingSlash = last;
                }
                default -> {
                    segments.addLast(normal);
                    trailingSlash = false;
                }
            }
        }
        StringBuilder path = new StringBuilder(rawPath.length());
        for (String segment : segments) {
            path.append('/').append(segment);
        }
        if (path.isEmpty() || trailingSlash) {
            path.append('/');
        }
        return new Routable(path.toString());
    }

    /** Appends the segment with unreserved characters decoded and other encodings upper-cased; null when valid. */
    private static Rejected decodeUnreserved(String segment, StringBuilder out) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length() || hex(segment.charAt(i + 1)) < 0 || hex(segment.charAt(i + 2)) < 0) {
                    return MALFORMED_ENCODING;
                }
                int value = hex(segment.charAt(i + 1)) * 16 + hex(segment.charAt(i + 2));
                if (isUnreserved(value)) {
                    out.append((char) value);
                } else if (value == '/' || value == '\\' || value == ';' || value < 0x20 || value == 0x7f) {
                    return AMBIGUOUS;
                } else {
                    out.append('%').append(Character.toUpperCase(segment.charAt(i + 1)))
                            .append(Character.toUpperCase(segment.charAt(i + 2)));
                }
                i += 2;
            } else if (c == '\\') {
                return AMBIGUOUS;
            } else if (isUnreserved(c) || isAllowedDelimiter(c)) {
                out.append(c);
            } else {
                return ILLEGAL_CHARACTER;
            }
        }
        return null;
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~';
    }

    /** RFC 3986 sub-delims, ':' and '@' stand for themselves in a path segment (';' was cut as a matrix parameter). */
    private static boolean isAllowedDelimiter(char c) {
        return "!$&'()*+,=:@".indexOf(c) >= 0;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
