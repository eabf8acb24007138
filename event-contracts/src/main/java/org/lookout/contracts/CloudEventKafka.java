package org.lookout.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents Kafka protocol binding, binary content mode: the attributes travel as {@code ce_*} headers and the record
 * value is the {@code data} JSON, so a plain consumer reads the payload as it is and the headers tell what it is.
 */
public final class CloudEventKafka {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventKafka() {
    }

    /** The headers of an event, in a stable order. */
    public static Map<String, String> headers(CloudEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, CloudEvent.SPEC_VERSION);
        headers.put(ID, event.id());
        headers.put(SOURCE, event.source());
        headers.put(TYPE, event.type());
        if (event.subject() != null) {
            headers.put(SUBJECT, event.subject());
        }
        headers.put(TIME, event.time().toString());
        headers.put(CONTENT_TYPE, CloudEvent.DATA_CONTENT_TYPE);
        return headers;
    }

    public static Headers kafkaHeaders(CloudEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers(event).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    /** A record for {@code topic}, keyed by {@code key} (the report id, so one report's events share a partition). */
    public static ProducerRecord<String, String> toRecord(String topic, String key, CloudEvent event) {
        return new ProducerRecord<>(topic, null, key, EventJson.write(event.data()), kafkaHeaders(event));
    }

    public static CloudEvent fromRecord(ConsumerRecord<String, String> record) {
        return fromHeaders(record.headers(), record.value());
    }

    /** Reads an event back; anything that is not a CloudEvents 1.0 record of ours is a {@link MalformedEventException}. */
    public static CloudEvent fromHeaders(Headers headers, String value) {
        String specVersion = required(headers, SPEC_VERSION);
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("unsupported " + SPEC_VERSION + " " + specVersion);
        }
        if (value == null) {
            throw new MalformedEventException("record has no value");
        }
        Instant time;
        try {
            time = Instant.parse(required(headers, TIME));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(TIME + " is not an RFC 3339 instant", e);
        }
        return new CloudEvent(required(headers, ID), required(headers, SOURCE), required(headers, TYPE),
                optional(headers, SUBJECT), time, EventJson.read(value));
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing header " + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
