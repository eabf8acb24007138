package org.lookout.complaint.open311;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * One Open311 answer as the spec draws it: named elements holding values, groups of elements, and containers of one
 * repeated element ({@code <services><service>…}). Written as XML, and as JSON by the spec's Spark convention: a
 * container becomes an array (of objects, or of values when its items are values), a group an object, an empty element
 * {@code null}. Booleans and numbers are typed in JSON, text in XML. Both renderings are indented, with a final line
 * break, so a golden document can be compared byte for byte.
 */
public final class Open311Document {

    /** A part of a document; the name is the XML element's. */
    public sealed interface Node permits Value, Group, Repeated {
        String name();
    }

    /** An element with a value: text, a boolean, a number, or null (an empty element). */
    public record Value(String name, Object value) implements Node {
    }

    /** An element holding named elements, in order. */
    public record Group(String name, List<Node> children) implements Node {
    }

    /** A container of one repeated element; its items are named {@code itemName}. */
    public record Repeated(String name, String itemName, List<? extends Node> items) implements Node {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final Node root;

    private Open311Document(Node root) {
        this.root = root;
    }

    public static Open311Document of(Node root) {
        return new Open311Document(root);
    }

    public static Value value(String name, Object value) {
        return new Value(name, value);
    }

    public static Group group(String name, Node... children) {
        return new Group(name, Arrays.asList(children));
    }

    public static Group group(String name, List<Node> children) {
        return new Group(name, List.copyOf(children));
    }

    public static Repeated repeated(String name, String itemName, List<? extends Node> items) {
        return new Repeated(name, itemName, List.copyOf(items));
    }

    public String render(Open311Format format) {
        return format == Open311Format.XML ? xml() : json();
    }

    public String xml() {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        writeXml(out, root, root.name(), 0);
        return out.toString();
    }

    public String json() {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            generator.setPrettyPrinter(pretty);
            writeJson(generator, root);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return out + "\n";
    }

    private static void writeXml(StringBuilder out, Node node, String name, int depth) {
        String indent = "  ".repeat(depth);
        switch (node) {
            case Value value -> {
                String text = value.value() == null ? "" : text(value.value());
                if (text.isEmpty()) {
                    out.append(indent).append('<').append(name).append("/>\n");
                } else {
                    out.append(indent).append('<').append(name).append('>').append(escape(text)).append("</")
                            .append(name).append(">\n");
                }
            }
            case Group group -> {
                out.append(indent).append('<').append(name).append(">\n");
                group.children().forEach(child -> writeXml(out, child, child.name(), depth + 1));
                out.append(indent).append("</").append(name).append(">\n");
            }
            case Repeated repeated -> {
                if (repeated.items().isEmpty()) {
                    out.append(indent).append('<').append(name).append("/>\n");
                    return;
                }
                out.append(indent).append('<').append(name).append(">\n");
                repeated.items().forEach(item -> writeXml(out, item, repeated.itemName(), depth + 1));
                out.append(indent).append("</").append(name).append(">\n");
            }
        }
    }

    private static void writeJson(JsonGenerator json, Node node) throws IOException {
        switch (node) {
            case Value value -> writeJsonValue(json, value.value());
            case Group group -> {
                json.writeStartObject();
                for (Node child : group.children()) {
                    json.writeFieldName(child.name());
                    writeJson(json, child);
                }
                json.writeEndObject();
            }
            case Repeated repeated -> {
                json.writeStartArray();
                for (Node item : repeated.items()) {
                    writeJson(json, item);
                }
                json.writeEndArray();
            }
        }
    }

    private static void writeJsonValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case Boolean flag -> json.writeBoolean(flag);
            case Integer number -> json.writeNumber(number);
            case Long number -> json.writeNumber(number);
            case Double number -> json.writeNumber(BigDecimal.valueOf(number));
            case BigDecimal number -> json.writeNumber(number);
            default -> json.writeString(value.toString());
        }
    }

    private static String text(Object value) {
        return value instanceof Double number ? BigDecimal.valueOf(number).toPlainString() : value.toString();
    }

    /** Escapes markup; a character XML 1.0 cannot hold (a stray control character) becomes U+FFFD. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                            || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
                    escaped.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return escaped.toString();
    }
}
