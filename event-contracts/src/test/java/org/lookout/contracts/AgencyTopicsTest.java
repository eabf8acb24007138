package org.lookout.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Each agency's own topic: its name, the types it carries, and how the AsyncAPI document describes it. */
class AgencyTopicsTest {

    @Test
    void anAgencysTopicIsNamedAfterItsCode() {
        assertThat(Topics.agency("police-dcy")).isEqualTo("lookout.agency.police-dcy.v1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Police", "police.dcy", "police/dcy", "-police", "a-very-long-agency-code-that-has-no-end-at-all" })
    void aCodeThatCouldNameAnotherTopicIsRefused(String code) {
        assertThatThrownBy(() -> Topics.agency(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEscalationsLifeGoesToAgencyTopicsTheCommunitysClocksDoNot() {
        assertThat(Arrays.stream(EventType.values()).filter(EventType::onAgencyTopics))
                .containsExactlyInAnyOrder(EventType.ESCALATION_OPENED, EventType.ESCALATION_INFORMED,
                        EventType.ESCALATION_ACKNOWLEDGED, EventType.ESCALATION_PROGRESSED,
                        EventType.ESCALATION_RESOLVED, EventType.ESCALATION_RETURNED,
                        EventType.ESCALATION_DEADLINE_MISSED);
    }

    @Test
    void theAsyncApiAgencyChannelCarriesExactlyThoseTypesWithItsSecurityAndGroups() throws Exception {
        JsonNode asyncApi = new ObjectMapper(new YAMLFactory())
                .readTree(getClass().getClassLoader().getResource("contracts/asyncapi.yaml"));
        JsonNode channel = asyncApi.path("channels").path("agency");

        assertThat(channel.path("address").asText()).isEqualTo(Topics.AGENCY_PREFIX + "{agencyCode}.v1");
        List<String> types = new ArrayList<>();
        channel.path("messages").forEach(ref -> types.add(message(asyncApi, ref).path("name").asText()));
        assertThat(types).containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                .filter(EventType::onAgencyTopics).map(EventType::type).toList());
        assertThat(asyncApi.at("/operations/receiveAgencyEvents/bindings/kafka/groupId/pattern").asText())
                .isEqualTo("^agency-[a-z0-9][a-z0-9-]*\\..+$");
        JsonNode production = asyncApi.at("/servers/production");
        assertThat(production.path("protocol").asText()).isEqualTo("kafka-secure");
        JsonNode scheme = asyncApi.at("/components/securitySchemes/productionClientCredentials");
        assertThat(production.path("security").get(0).path("$ref").asText())
                .isEqualTo("#/components/securitySchemes/productionClientCredentials");
        assertThat(scheme.at("/flows/clientCredentials/tokenUrl").asText()).endsWith("/protocol/openid-connect/token");
        assertThat(asyncApi.at("/info/description").asText()).contains("ce_id", "retention.ms", "group.id=agency-");
    }

    @Test
    void aPartCopiedForInformationSaysSoAndAPartThatMustActStaysAsBefore() {
        UUID escalation = UUID.randomUUID();
        UUID report = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-04T02:00:00Z");

        JsonNode act = EventJson.toTree(new EscalationChanged(escalation, report, "water", "DCY", "DCYJD", false,
                "police-dcy", true, EscalationState.ACKNOWLEDGED, EscalationState.ACKNOWLEDGED, at, null, null));
        JsonNode inform = EventJson.toTree(new EscalationChanged(escalation, report, "water", "DCY", "DCYJD", false,
                "civil-affairs", false, EscalationState.ACKNOWLEDGED, EscalationState.ACKNOWLEDGED, at, null, null,
                PartKind.INFORM));

        assertThat(act.has("partKind")).isFalse();
        assertThat(inform.path("partKind").asText()).isEqualTo("INFORM");
    }

    private static JsonNode message(JsonNode asyncApi, JsonNode ref) {
        String pointer = ref.path("$ref").asText().substring(1);
        return asyncApi.at(pointer);
    }
}
