package org.lookout.escalation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.contracts.EventJson;
import org.lookout.escalation.messaging.SlaEvents;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/** The proposed SLA contracts hold together: each golden sample validates, and what the code emits matches the sample. */
class ProposedContractsTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @ParameterizedTest
    @ValueSource(strings = { SlaEvents.SLA_WARNING, SlaEvents.SLA_BREACHED })
    void theGoldenSampleValidatesAgainstItsSchema(String type) throws IOException {
        JsonSchema schema = SCHEMAS.getSchema(EventJson.read(
                Files.readString(Path.of("contracts-proposal", "schemas", type + ".schema.json"))));
        JsonNode sample = ProposedContracts.sample(type);

        assertThat(sample.get("type").asText()).isEqualTo(type);
        assertThat(schema.validate(sample.get("data"))).isEmpty();
        assertThat(schema.validate(EventJson.read("{}"))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { SlaEvents.SLA_WARNING, SlaEvents.SLA_BREACHED })
    void thePayloadTheCodeEmitsSerialisesToTheGoldenSample(String type) {
        JsonNode sample = ProposedContracts.sample(type).get("data");
        Object payload = SlaEvents.SLA_WARNING.equals(type)
                ? EventJson.fromTree(sample, SlaEvents.SlaWarning.class)
                : EventJson.fromTree(sample, SlaEvents.SlaBreached.class);

        assertThat(EventJson.toTree(payload)).isEqualTo(sample);
        assertThat(UUID.fromString(sample.get("reportId").asText())).isNotNull();
        assertThat(Instant.parse(sample.get("dueAt").asText())).isEqualTo(Instant.parse("2026-02-14T16:00:00Z"));
    }
}
