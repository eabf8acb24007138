package org.lookout.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

class ComplaintStatusChangedTest {

    @ParameterizedTest
    @ValueSource(strings = { "reportId", "trackingNumber", "itemCode", "categoryCode", "communityCode", "fromStatus",
            "toStatus", "changedAt" })
    void dataWithoutARequiredFieldIsMalformed(String field) {
        ObjectNode data = (ObjectNode) EventJson.readResource(EventType.COMPLAINT_ACCEPTED.sampleResource()).get("data");
        data.remove(field);

        assertThatThrownBy(() -> EventJson.fromTree(data, ComplaintStatusChanged.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(field);
    }

    @ParameterizedTest
    @ValueSource(strings = { "rejected", "assigned", "responded", "rated", "closed" })
    void typeSpecificReferencesAreAbsentFromTheOtherTypes(String type) {
        ComplaintStatusChanged accepted = EventJson.fromTree(
                EventJson.readResource(EventType.COMPLAINT_ACCEPTED.sampleResource()).get("data"),
                ComplaintStatusChanged.class);
        ComplaintStatusChanged specific = EventJson.fromTree(
                EventJson.readResource("contracts/samples/lookout.complaint." + type + ".v1.json").get("data"),
                ComplaintStatusChanged.class);

        assertThat(EventJson.toTree(accepted).size()).isEqualTo(9);
        assertThat(EventJson.toTree(specific).size()).isGreaterThan(9);
    }
}
