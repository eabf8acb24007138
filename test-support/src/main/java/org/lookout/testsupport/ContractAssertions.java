package org.lookout.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/** The producer side of the event contract: what a service emits, checked against the schema and the golden sample. */
public final class ContractAssertions {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private ContractAssertions() {
    }

    /** The data validates against its type's JSON Schema. */
    public static void assertValidAgainstSchema(EventType type, JsonNode data) {
        assertThat(SCHEMAS.getSchema(EventJson.readResource(type.schemaResource())).validate(data))
                .as("%s against its schema", type.type()).isEmpty();
    }

    /** Valid against the schema, and with exactly the fields of the golden sample: nothing missing, nothing extra. */
    public static void assertMatchesGoldenSample(EventType type, JsonNode data) {
        assertValidAgainstSchema(type, data);
        JsonNode golden = EventJson.readResource(type.sampleResource()).get("data");
        assertThat(fieldNames(data)).as("%s fields", type.type()).isEqualTo(fieldNames(golden));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
