package org.lookout.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class CloudEventKafkaTest {

    private static final ComplaintSubmitted PAYLOAD = new ComplaintSubmitted(UUID.randomUUID(), "DCY-2026-000001",
            "water", "LIFE", "DCY", Channel.APP, false, false, null, Instant.parse("2026-02-13T09:30:00Z"));

    @Test
    void recordCarriesAttributesAsHeadersAndDataAsValue() {
        CloudEvent event = CloudEvent.of("/lookout/complaint-service", EventType.COMPLAINT_SUBMITTED,
                PAYLOAD.reportId().toString(), PAYLOAD.receivedAt(), PAYLOAD);

        ProducerRecord<String, String> record = CloudEventKafka.toRecord(Topics.COMPLAINT, PAYLOAD.reportId().toString(), event);

        assertThat(record.topic()).isEqualTo("lookout.complaint.v1");
        assertThat(record.key()).isEqualTo(PAYLOAD.reportId().toString());
        assertThat(header(record, "ce_type")).isEqualTo("lookout.complaint.submitted.v1");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(event.id());
        assertThat(header(record, "ce_time")).isEqualTo("2026-02-13T09:30:00Z");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(EventJson.read(record.value()).path("trackingNumber").asText()).isEqualTo("DCY-2026-000001");
    }

    @Test
    void roundTripKeepsEveryAttribute() {
        CloudEvent event = CloudEvent.of("/lookout/complaint-service", EventType.COMPLAINT_SUBMITTED,
                PAYLOAD.reportId().toString(), PAYLOAD.receivedAt(), PAYLOAD);
        ProducerRecord<String, String> sent = CloudEventKafka.toRecord(Topics.COMPLAINT, "k", event);

        CloudEvent received = CloudEventKafka.fromRecord(consumed(sent.headers(), sent.value()));

        assertThat(received).isEqualTo(event);
        assertThat(received.dataAs(ComplaintSubmitted.class)).isEqualTo(PAYLOAD);
    }

    @Test
    void goldenSampleConvertsToTheSameRecordABrokerWouldCarry() {
        JsonNode sample = EventJson.readResource(EventType.COMPLAINT_SUBMITTED.sampleResource());
        CloudEvent event = new CloudEvent(sample.get("id").asText(), sample.get("source").asText(), sample.get("type").asText(),
                sample.get("subject").asText(), Instant.parse(sample.get("time").asText()), sample.get("data"));

        CloudEvent back = CloudEventKafka.fromRecord(consumed(CloudEventKafka.kafkaHeaders(event), EventJson.write(event.data())));

        assertThat(back).isEqualTo(event);
    }

    @Test
    void recordWithoutHeadersIsMalformed() {
        assertThatThrownBy(() -> CloudEventKafka.fromRecord(consumed(new RecordHeaders(), "{}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_specversion");
    }

    @Test
    void recordWithBrokenJsonOrTimeIsMalformed() {
        CloudEvent event = CloudEvent.of("/x", EventType.COMPLAINT_SUBMITTED, "s", Instant.EPOCH, PAYLOAD);
        RecordHeaders headers = (RecordHeaders) CloudEventKafka.kafkaHeaders(event);

        assertThatThrownBy(() -> CloudEventKafka.fromRecord(consumed(headers, "{not json")))
                .isInstanceOf(MalformedEventException.class);

        headers.remove("ce_time");
        headers.add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CloudEventKafka.fromRecord(consumed(headers, "{}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_time");
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, String> consumed(org.apache.kafka.common.header.Headers headers, String value) {
        return new ConsumerRecord<>(Topics.COMPLAINT, 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, "k", value, headers,
                java.util.Optional.empty());
    }

    @Test
    void dataWithoutARequiredFieldIsMalformed() {
        CloudEvent event = CloudEvent.of("/x", EventType.COMPLAINT_SUBMITTED, "s", Instant.EPOCH, PAYLOAD);
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.data()).remove("trackingNumber");

        assertThatThrownBy(() -> event.dataAs(ComplaintSubmitted.class)).isInstanceOf(MalformedEventException.class);
    }
}
