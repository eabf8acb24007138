package org.lookout.gateway.asyncapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The AsyncAPI document as one readable HTML page, rendered on the server: the introduction (its Markdown subset:
 * headings, paragraphs, code blocks, inline code), the servers with their security, the channels with their bindings
 * and messages, the operations, and each message with its key, its payload fields from the JSON Schema and its example.
 * Every text from the document is HTML-escaped; the page has no script and links only to this gateway.
 */
final class EventCataloguePage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
    private static final String STYLE = """
            body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
            h1 small{font-weight:normal;color:#5a6775}h2{border-bottom:1px solid #d5dbe1;margin-top:2.5rem}
            h3{margin-top:1.8rem}code,pre{font-family:ui-monospace,Consolas,monospace;font-size:13px}
            pre{background:#f3f5f7;padding:.8rem;overflow-x:auto}:not(pre)>code{background:#f3f5f7;padding:0 .2rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d5dbe1;padding:.3rem .5rem;
            text-align:left;vertical-align:top}th{background:#f3f5f7}.muted{color:#5a6775}nav a{margin-right:1rem}
            """;

    private EventCataloguePage() {
    }

    /** The page for {@code document}; {@code schemas} by the file name the document references them by. */
    static String render(JsonNode document, Map<String, JsonNode> schemas) {
        StringBuilder html = new StringBuilder(64 * 1024);
        JsonNode info = document.path("info");
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(info.path("title").asText())).append(" — event catalogue</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1>").append(escape(info.path("title").asText())).append(" <small>")
                .append(escape(info.path("version").asText())).append("</small></h1>\n<p class=\"muted\">AsyncAPI ")
                .append(escape(document.path("asyncapi").asText()))
                .append(" · the document: <a href=\"").append(EventCatalogue.DOCUMENT_PATH).append("\">")
                .append(EventCatalogue.DOCUMENT_PATH.substring(1))
                .append("</a> · the REST API: <a href=\"/docs\">OpenAPI</a></p>\n")
                .append("<nav><a href=\"#servers\">Servers</a><a href=\"#channels\">Channels</a>")
                .append("<a href=\"#operations\">Operations</a><a href=\"#messages\">Messages</a></nav>\n");
        markdown(html, info.path("description").asText());
        servers(html, document);
        channels(html, document);
        operations(html, document);
        messages(html, document, schemas);
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void servers(StringBuilder html, JsonNode document) {
        html.append("<h2 id=\"servers\">Servers</h2>\n<table><tr><th>server</th><th>host</th><th>protocol</th>")
                .append("<th>description</th><th>security</th></tr>\n");
        for (Map.Entry<String, JsonNode> server : fields(document.path("servers"))) {
            JsonNode value = server.getValue();
            html.append("<tr><td>").append(escape(server.getKey())).append("</td><td><code>")
                    .append(escape(value.path("host").asText())).append("</code></td><td>")
                    .append(escape(value.path("protocol").asText())).append("</td><td>")
                    .append(escape(value.path("description").asText())).append("</td><td>");
            for (JsonNode requirement : value.path("security")) {
                JsonNode scheme = resolve(document, requirement);
                html.append("<p>").append(escape(scheme.path("type").asText()));
                JsonNode tokenUrl = scheme.at("/flows/clientCredentials/tokenUrl");
                if (!tokenUrl.isMissingNode()) {
                    html.append(" (client credentials), token URL <code>").append(escape(tokenUrl.asText()))
                            .append("</code>");
                }
                html.append(": ").append(escape(scheme.path("description").asText())).append("</p>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void channels(StringBuilder html, JsonNode document) {
        html.append("<h2 id=\"channels\">Channels</h2>\n");
        for (Map.Entry<String, JsonNode> channel : fields(document.path("channels"))) {
            JsonNode value = channel.getValue();
            html.append("<h3 id=\"channel-").append(escape(channel.getKey())).append("\"><code>")
                    .append(escape(value.path("address").asText())).append("</code></h3>\n");
            if (value.has("title")) {
                html.append("<p><strong>").append(escape(value.path("title").asText())).append("</strong></p>\n");
            }
            html.append("<p>").append(escape(value.path("description").asText())).append("</p>\n");
            for (Map.Entry<String, JsonNode> parameter : fields(value.path("parameters"))) {
                html.append("<p>Parameter <code>").append(escape(parameter.getKey())).append("</code>: ")
                        .append(escape(parameter.getValue().path("description").asText()));
                List<String> examples = new ArrayList<>();
                parameter.getValue().path("examples").forEach(
                        example -> examples.add("<code>" + escape(example.asText()) + "</code>"));
                if (!examples.isEmpty()) {
                    html.append(" (e.g. ").append(String.join(", ", examples)).append(")");
                }
                html.append("</p>\n");
            }
            JsonNode kafka = value.at("/bindings/kafka");
            if (!kafka.isMissingNode()) {
                html.append("<p class=\"muted\">Kafka: ").append(escape(compact(kafka))).append("</p>\n");
            }
            html.append("<p>Messages: ");
            List<String> names = new ArrayList<>();
            for (JsonNode ref : value.path("messages")) {
                String name = resolve(document, ref).path("name").asText();
                names.add("<a href=\"#message-" + escape(name) + "\">" + escape(name) + "</a>");
            }
            html.append(String.join(", ", names)).append("</p>\n");
        }
    }

    private static void operations(StringBuilder html, JsonNode document) {
        html.append("<h2 id=\"operations\">Operations</h2>\n<table><tr><th>operation</th><th>action</th>")
                .append("<th>channel</th><th>consumer group</th><th>summary</th></tr>\n");
        for (Map.Entry<String, JsonNode> operation : fields(document.path("operations"))) {
            JsonNode value = operation.getValue();
            JsonNode group = value.at("/bindings/kafka/groupId");
            html.append("<tr><td>").append(escape(operation.getKey())).append("</td><td>")
                    .append(escape(value.path("action").asText())).append("</td><td><code>")
                    .append(escape(resolve(document, value.path("channel")).path("address").asText()))
                    .append("</code></td><td>")
                    .append(group.isMissingNode() ? "" : "<code>" + escape(group.path("pattern").asText())
                            + "</code> " + escape(group.path("description").asText()))
                    .append("</td><td>").append(escape(value.path("summary").asText())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void messages(StringBuilder html, JsonNode document, Map<String, JsonNode> schemas) {
        html.append("<h2 id=\"messages\">Messages</h2>\n<p>Every message is a CloudEvent in Kafka's binary mode:")
                .append(" the attributes are the headers <code>ce_specversion</code>, <code>ce_id</code> (unique per")
                .append(" event: de-duplicate on it), <code>ce_source</code>, <code>ce_type</code> (the message name),")
                .append(" <code>ce_subject</code>, <code>ce_time</code> and <code>content-type: application/json</code>;")
                .append(" the record value is the payload below.</p>\n");
        for (Map.Entry<String, JsonNode> message : fields(document.at("/components/messages"))) {
            JsonNode value = message.getValue();
            String name = value.path("name").asText();
            html.append("<h3 id=\"message-").append(escape(name)).append("\"><code>").append(escape(name))
                    .append("</code></h3>\n<p>").append(escape(value.path("title").asText())).append("</p>\n");
            JsonNode key = value.at("/bindings/kafka/key");
            if (!key.isMissingNode()) {
                html.append("<p>Record key: ").append(escape(key.path("description").asText())).append("</p>\n");
            }
            String ref = value.at("/payload/$ref").asText();
            String file = ref.replaceFirst("^\\./schemas/", "");
            JsonNode schema = schemas.get(file);
            if (schema != null) {
                payload(html, schema);
                html.append("<p class=\"muted\">JSON Schema: <a href=\"").append(EventCatalogue.SCHEMAS_PATH)
                        .append(escape(file)).append("\">").append(escape(file)).append("</a></p>\n");
            }
            for (JsonNode example : value.path("examples")) {
                html.append("<p>Example <em>").append(escape(example.path("name").asText()))
                        .append("</em>:</p>\n<pre><code>").append(escape(pretty(example.path("payload"))))
                        .append("</code></pre>\n");
            }
        }
    }

    private static void payload(StringBuilder html, JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        html.append("<p>").append(escape(schema.path("description").asText())).append("</p>\n")
                .append("<table><tr><th>field</th><th>required</th><th>type</th><th>description</th></tr>\n");
        for (Map.Entry<String, JsonNode> property : fields(schema.path("properties"))) {
            html.append("<tr><td><code>").append(escape(property.getKey())).append("</code></td><td>")
                    .append(required.contains(property.getKey()) ? "yes" : "").append("</td><td>")
                    .append(escape(type(property.getValue()))).append("</td><td>")
                    .append(escape(property.getValue().path("description").asText())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** A property's type as one line: its type and format, its allowed values, or its pattern. */
    private static String type(JsonNode property) {
        if (property.has("enum")) {
            List<String> values = new ArrayList<>();
            property.path("enum").forEach(value -> values.add(value.asText()));
            return "one of " + String.join(", ", values);
        }
        String type = property.path("type").asText(property.has("items") ? "array" : "");
        if (property.has("format")) {
            type += " (" + property.path("format").asText() + ")";
        }
        if (property.has("pattern")) {
            type += " " + property.path("pattern").asText();
        }
        return type;
    }

    /** The subset of Markdown the document's description uses: headings, paragraphs, fenced code, inline code. */
    static void markdown(StringBuilder html, String text) {
        List<String> paragraph = new ArrayList<>();
        Iterator<String> lines = text.lines().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("```")) {
                paragraph(html, paragraph);
                html.append("<pre><code>");
                while (lines.hasNext()) {
                    String code = lines.next();
                    if (code.startsWith("```")) {
                        break;
                    }
                    html.append(escape(code)).append('\n');
                }
                html.append("</code></pre>\n");
            } else if (line.startsWith("## ")) {
                paragraph(html, paragraph);
                html.append("<h3>").append(inline(line.substring(3))).append("</h3>\n");
            } else if (line.isBlank()) {
                paragraph(html, paragraph);
            } else {
                paragraph.add(line.strip());
            }
        }
        paragraph(html, paragraph);
    }

    private static void paragraph(StringBuilder html, List<String> lines) {
        if (!lines.isEmpty()) {
            html.append("<p>").append(inline(String.join(" ", lines))).append("</p>\n");
            lines.clear();
        }
    }

    private static String inline(String text) {
        Matcher code = INLINE_CODE.matcher(escape(text));
        return code.replaceAll(match -> "<code>" + Matcher.quoteReplacement(match.group(1)) + "</code>");
    }

    /** The object a {@code $ref} in the document points to ({@code #/components/...}); the node itself otherwise. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        return fields;
    }

    private static String compact(JsonNode node) {
        return node.toString().replace("\"", "").replace(",", ", ").replace(":", ": ");
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serialises", e);
        }
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
