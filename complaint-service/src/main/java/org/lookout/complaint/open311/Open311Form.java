package org.lookout.complaint.open311;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lookout.problem.ProblemException;

/**
 * An {@code application/x-www-form-urlencoded} body as Open311 clients send it, read strictly: every {@code %} starts
 * two hex digits, the bytes are well-formed UTF-8, no value holds a control character but tab and line breaks (NUL
 * cannot be stored, the others corrupt logs and exports). An empty value counts as not sent (the spec's rule for
 * optional arguments). {@code attribute[CODE]=v} and {@code attribute[CODE][]=v} (a multivaluelist) are the answers
 * to the service's questions.
 */
final class Open311Form {

    static final int MAX_FIELDS = 200;
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]{1,64})](\\[])?");

    private final Map<String, List<String>> fields;

    private Open311Form(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    static Open311Form parse(byte[] body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String raw = decodeUtf8(body, "the body");
        if (raw.isEmpty()) {
            return new Open311Form(fields);
        }
        String[] pairs = raw.split("&", -1);
        if (pairs.length > MAX_FIELDS) {
            throw ProblemException.badRequest("body", "has more than " + MAX_FIELDS + " fields");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "a field name");
            if (name.isEmpty() || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw ProblemException.badRequest("body", "has a field without a readable name");
            }
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            if (hasControlCharacter(value)) {
                throw ProblemException.badRequest(name, "must not contain control characters (U+0000 to U+001F other"
                        + " than tab, line feed and carriage return)");
            }
            if (!value.isBlank()) {
                fields.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
            }
        }
        return new Open311Form(fields);
    }

    /** The one value of a field; empty when not sent (or sent empty); 400 when sent twice. */
    Optional<String> single(String name) {
        List<String> values = fields.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw ProblemException.badRequest(name, "is given more than once");
        }
        return values.stream().findFirst().map(String::strip);
    }

    /** The answers by question code, each with its values in the order sent. */
    Map<String, List<String>> attributes() {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            Matcher attribute = ATTRIBUTE.matcher(name);
            if (attribute.matches()) {
                answers.computeIfAbsent(attribute.group(1), ignored -> new ArrayList<>())
                        .addAll(values.stream().map(String::strip).toList());
            } else if (name.startsWith("attribute[")) {
                throw ProblemException.badRequest(name, "must be attribute[CODE] or attribute[CODE][]");
            }
        });
        return answers;
    }

    /** Percent-decodes one component ({@code +} is a space) to UTF-8 text; 400 naming {@code field} when it is not. */
    private static String decode(String component, String field) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < component.length() ? Character.digit(component.charAt(i + 1), 16) : -1;
                int low = i + 2 < component.length() ? Character.digit(component.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw ProblemException.badRequest(field, "must be percent-encoded UTF-8");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return decodeUtf8(bytes.toByteArray(), field);
    }

    private static String decodeUtf8(byte[] bytes, String field) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest(field.equals("the body") ? "body" : field,
                    "must be percent-encoded UTF-8");
        }
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
    }
}
