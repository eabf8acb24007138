package org.lookout.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

class ContractCatalogueTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleIsAValidCloudEventOfItsType(EventType type) {
        JsonNode sample = EventJson.readResource(type.sampleResource());

        assertThat(sample.path("specversion").asText()).isEqualTo("1.0");
        assertThat(sample.path("type").asText()).isEqualTo(type.type());
        assertThat(sample.path("datacontenttype").asText()).isEqualTo("application/json");
        Stream.of("id", "source", "subject", "time").forEach(attribute -> assertThat(sample.path(attribute).asText())
                .as(attribute).isNotBlank());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleDataValidatesAgainstItsSchema(EventType type) {
        JsonSchema schema = SCHEMAS.getSchema(EventJson.readResource(type.schemaResource()));

        Set<ValidationMessage> errors = schema.validate(EventJson.readResource(type.sampleResource()).get("data"));

        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsDataWithoutItsRequiredFields(EventType type) {
        JsonSchema schema = SCHEMAS.getSchema(EventJson.readResource(type.schemaResource()));

        assertThat(schema.validate(new ObjectMapper().createObjectNode())).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadRecordReadsAndWritesTheGoldenDataUnchanged(EventType type) {
        JsonNode data = EventJson.readResource(type.sampleResource()).get("data");

        Object payload = EventJson.fromTree(data, type.payload());

        assertThat(EventJson.toTree(payload)).isEqualTo(data);
    }

    @Test
    void asyncApiDocumentDescribesEveryTypeAndTopic() throws Exception {
        JsonNode asyncApi = new ObjectMapper(new YAMLFactory())
                .readTree(getClass().getClassLoader().getResource("contracts/asyncapi.yaml"));
        String document = asyncApi.toString();

        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        for (EventType type : EventType.values()) {
            assertThat(document).as(type.type()).contains("\"name\":\"" + type.type() + "\"").contains(type.topic());
        }
    }

    @Test
    void typesAreVersionedAndPastTenseOnTheirAggregatesTopic() {
        for (EventType type : EventType.values()) {
            // the owner's reference-data topic (lookout.complaint.reference.v1) carries the owner's types
            String aggregate = type.topic().replaceFirst("^lookout\\.", "").replaceFirst("\\.v1$", "")
                    .replaceFirst("\\.reference$", "");
            // past participles (…ed, withdrawn) or the state a deadline left a thing in (overdue)
            assertThat(type.type()).matches("lookout\\." + aggregate + "\\.[a-z-]+(ed|d|withdrawn|overdue)\\.v[0-9]+");
        }
    }
}
