package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonPathsTest {

    record Location(double latitude) {
    }

    record Body(Location location, List<Integer> counts) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void namesTheNestedFieldAtFault() {
        JsonMappingException e = catchThrowableOfType(JsonMappingException.class,
                () -> mapper.readValue("{\"location\":{\"latitude\":\"north\"}}", Body.class));

        assertThat(JsonPaths.of(e.getPath())).isEqualTo("location.latitude");
    }

    @Test
    void namesTheArrayElementAtFault() {
        JsonMappingException e = catchThrowableOfType(JsonMappingException.class,
                () -> mapper.readValue("{\"counts\":[1,\"two\"]}", Body.class));

        assertThat(JsonPaths.of(e.getPath())).isEqualTo("counts[1]");
    }
}
