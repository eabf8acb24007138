package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;

class StrictTextJsonTest {

    record Location(String building) {
    }

    record Body(String title, Location location, List<String> tags, Map<String, String> labels) {
    }

    private final ObjectMapper mapper = customized();

    private static ObjectMapper customized() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictTextJson().customize(mapper);
        return mapper;
    }

    @Test
    void aControlCharacterIsRefusedNamingTheField() {
        assertThat(fieldRefused("{\"title\":\"a\\u0000b\"}")).isEqualTo("title");
        assertThat(fieldRefused("{\"location\":{\"building\":\"3\\u00002\"}}")).isEqualTo("location.building");
        assertThat(fieldRefused("{\"tags\":[\"ok\",\"bell\\u0007\"]}")).isEqualTo("tags[1]");
        assertThat(fieldRefused("{\"labels\":{\"k\":\"\\u001b[31m\"}}")).isEqualTo("labels.k");
        assertThat(fieldRefused("{\"labels\":{\"k\\u0000\":\"v\"}}")).startsWith("labels");
    }

    record StatusChange(String status, String reason) {
    }

    @Test
    void aKeyTwiceInOneObjectIsRefusedNamingIt() {
        // once a 500: a record's creator met "status" twice (RobustnessIT, cadre, POST …/status)
        JsonParseException refused = catchThrowableOfType(JsonParseException.class,
                () -> mapper.readValue("{\"status\":\"PENDING\",\"reason\":\"x\",\"status\":\"ACTIVE\"}",
                        StatusChange.class));

        assertThat(refused).isNotNull();
        assertThat(refused.getOriginalMessage()).isEqualTo("Duplicate field 'status'");
    }

    @Test
    void tabsLineBreaksAndEverythingElseAreKept() throws IOException {
        Body body = mapper.readValue("{\"title\":\"a\\tb\\r\\nc 楼栋 \\u007f\",\"tags\":[\"x\"]}", Body.class);

        assertThat(body.title()).isEqualTo("a\tb\r\nc 楼栋 \u007f");
        assertThat(body.tags()).containsExactly("x");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedFromAStreamAndFromAnArray() {
        byte[] overlong = "{\"title\":\"a__b\"}".getBytes(StandardCharsets.UTF_8);
        overlong[11] = (byte) 0xC0;
        overlong[12] = (byte) 0x80;

        assertThat(catchThrowableOfType(MalformedUtf8Exception.class,
                () -> mapper.readValue(new ByteArrayInputStream(overlong), Body.class))).isNotNull();
        assertThat(catchThrowableOfType(MalformedUtf8Exception.class, () -> mapper.readValue(overlong, Body.class)))
                .isNotNull();
    }

    private String fieldRefused(String json) {
        ControlCharacterException e = catchThrowableOfType(ControlCharacterException.class,
                () -> mapper.readValue(json, Body.class));
        assertThat(e).as(json).isNotNull();
        return JsonPaths.of(e.getPath());
    }
}
