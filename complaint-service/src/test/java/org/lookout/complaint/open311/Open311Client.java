package org.lookout.complaint.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.lookout.testsupport.Tokens;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * How the Open311 tests talk to the endpoint the way a client does: a form body encoded by hand (UTF-8, as clients
 * send it), answers checked against the JSON Schemas written from the spec, XML parsed and its element names checked,
 * golden documents read with their placeholders filled.
 */
public final class Open311Client {

    public static final String XML = "text/xml; charset=utf-8";
    public static final String JSON = "application/json; charset=utf-8";
    public static final String BASE = "/open311/v2/";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private Open311Client() {
    }

    /**
     * Now, or the end of the latest window any client was answered if that lies ahead (a window may end a little in
     * the future; nothing is listed before it afterwards, so a window ending earlier would be empty here).
     */
    public static java.time.Instant notBeforeAnsweredWindows() {
        java.time.Instant answered = java.time.Instant.parse(org.lookout.complaint.ComplaintDatabase.strings(
                "select to_char(listed_until at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                        + " from open311_feed_clock").getFirst());
        java.time.Instant now = java.time.Instant.now();
        return answered.isAfter(now) ? answered.plusMillis(1) : now;
    }

    /** A key issued by admin through the REST API, as a client application gets one. */
    public static String issueKey(String name) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\"}").post("/api/open311/keys")
                .then().statusCode(201).extract().path("key");
    }

    /** A form body as {@code name=value&…}, each part percent-encoded as UTF-8; pairs in order, names may repeat. */
    public static String form(String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    public static Response post(String format, String form) {
        return given().contentType("application/x-www-form-urlencoded; charset=utf-8").header("Accept-Language", "en")
                .body(form).post(BASE + "requests." + format);
    }

    public static Response get(String path) {
        return given().header("Accept-Language", "en").get(BASE + path);
    }

    /** The JSON answer, valid against the schema written from the spec for its resource. */
    public static JsonNode validJson(Response response, String schema) {
        assertThat(response.contentType()).as("content type").isEqualTo(JSON);
        try {
            JsonNode answer = MAPPER.readTree(response.asByteArray());
            try (InputStream in = resource("/open311/schemas/" + schema + ".schema.json")) {
                assertThat(SCHEMAS.getSchema(in).validate(answer)).as("%s against its schema", schema).isEmpty();
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The XML answer parsed: the root element, each child of it the repeated element (when {@code item} is given), and
     * the element names of each item among {@code fields} (when given); the root is returned for further checks.
     */
    public static Element validXml(Response response, String root, String item, Set<String> fields) {
        assertThat(response.contentType()).as("content type").isEqualTo(XML);
        assertThat(response.asString()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
            Element top = document.getDocumentElement();
            assertThat(top.getTagName()).as("root element").isEqualTo(root);
            if (item != null) {
                for (Element child : children(top)) {
                    assertThat(child.getTagName()).as("child of <%s>", root).isEqualTo(item);
                    if (fields != null) {
                        assertThat(children(child).stream().map(Element::getTagName).collect(Collectors.toSet()))
                                .as("elements of <%s>", item).isSubsetOf(fields);
                    }
                }
            }
            return top;
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + response.asString(), e);
        }
    }

    public static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** The text of the child element {@code name} of {@code parent}; null when it is empty or absent. */
    public static String text(Element parent, String name) {
        return children(parent).stream().filter(child -> child.getTagName().equals(name)).findFirst()
                .map(Element::getTextContent).filter(text -> !text.isEmpty()).orElse(null);
    }

    /**
     * The answer is the golden document {@code name} byte for byte, its {@code ${placeholders}} filled with
     * {@code values}. With {@code -Dopen311.record=true} the golden is written from the answer instead (values turned
     * back into placeholders), to be read and checked in by hand.
     */
    public static void assertGolden(String name, Response response, Map<String, String> values) {
        String actual = response.asString();
        if (Boolean.getBoolean("open311.record")) {
            String template = actual;
            for (Map.Entry<String, String> value : values.entrySet()) {
                template = template.replace(value.getValue(), "${" + value.getKey() + "}");
            }
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/open311/golden", name),
                        template);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertThat(actual).as("golden %s", name).isEqualTo(golden(name, values));
    }

    /** A golden document with each {@code ${name}} replaced by its value. */
    public static String golden(String name, Map<String, String> values) {
        try (InputStream in = resource("/open311/golden/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue());
            }
            assertThat(text).as("golden %s has a placeholder left", name).doesNotContain("${");
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Open311Client.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        return in;
    }
}
