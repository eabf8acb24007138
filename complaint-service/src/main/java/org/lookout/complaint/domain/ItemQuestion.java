package org.lookout.complaint.domain;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An extra question of a taxonomy item (Open311 calls it an attribute): something a report of the item should also
 * say, e.g. the floor of a dark corridor, or whether anyone is home at a leaking flat. The item keeps its questions as
 * one list in display order; {@code options} are the answers a list question allows (empty for the other datatypes).
 */
public record ItemQuestion(String code, Datatype datatype, boolean required, String promptZh, String promptEn,
        String hintZh, String hintEn, List<Option> options) {

    /** Open311's datatypes, spelled as on the wire. */
    public enum Datatype {
        /** One line of text. */
        @JsonProperty("string") STRING,
        @JsonProperty("number") NUMBER,
        /** An ISO 8601 date and time with its offset. */
        @JsonProperty("datetime") DATETIME,
        /** Text that may hold line breaks. */
        @JsonProperty("text") TEXT,
        /** One of the options. */
        @JsonProperty("singlevaluelist") SINGLE_VALUE_LIST,
        /** Any of the options. */
        @JsonProperty("multivaluelist") MULTI_VALUE_LIST;

        public boolean isList() {
            return this == SINGLE_VALUE_LIST || this == MULTI_VALUE_LIST;
        }

        /** The name Open311 uses, e.g. {@code singlevaluelist}. */
        public String wireName() {
            return name().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An answer a list question allows: the key a client sends, and its name in both languages. */
    public record Option(String key, String nameZh, String nameEn) {
    }

    public ItemQuestion {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A list of questions as the JSON text of its column (the reactive client reads a jsonb array as no object). */
    @Converter
    public static class ListConverter implements AttributeConverter<List<ItemQuestion>, String> {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final TypeReference<List<ItemQuestion>> LIST = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(List<ItemQuestion> questions) {
            try {
                return JSON.writeValueAsString(questions == null ? List.of() : questions);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("questions could not be written as JSON", e);
            }
        }

        @Override
        public List<ItemQuestion> convertToEntityAttribute(String json) {
            try {
                return json == null ? List.of() : List.copyOf(JSON.readValue(json, LIST));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored questions are not JSON", e);
            }
        }
    }
}
