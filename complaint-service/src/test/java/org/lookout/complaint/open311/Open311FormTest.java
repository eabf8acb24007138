package org.lookout.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lookout.problem.ProblemException;

/** The form as Open311 clients send it, read strictly. */
class Open311FormTest {

    private static Open311Form form(String body) {
        return Open311Form.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fieldsAndAttributesAreDecoded() {
        Open311Form form = form("api_key=k&description=%E6%BC%8F%E6%B0%B4+here&attribute%5BFLOOR%5D=4"
                + "&attribute[SOURCES][]=music&attribute[SOURCES][]=pets&email=");
        assertThat(form.single("description")).contains("漏水 here");
        assertThat(form.single("email")).as("empty is not sent").isEmpty();
        assertThat(form.attributes()).isEqualTo(Map.of("FLOOR", List.of("4"), "SOURCES", List.of("music", "pets")));
    }

    @Test
    void brokenTextIsRefusedNamingTheField() {
        assertRefused("description=%zz", "description");
        assertRefused("description=%C0%80", "description");
        assertRefused("description=a%00b", "description");
        assertRefused("description=a&description=b", "description");
        assertRefused("attribute[FLOOR=4", "attribute[FLOOR");
    }

    @Test
    void aSubmissionNeedsAPlaceAndNamesWhatIsWrong() {
        assertThatThrownBy(() -> SubmitServiceRequestRequest.from(form("service_code=water")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().getFirst().field())
                        .isEqualTo("lat"));
        assertThatThrownBy(() -> SubmitServiceRequestRequest.from(form("lat=91&long=0")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().getFirst().field())
                        .isEqualTo("lat"));
        SubmitServiceRequestRequest ok = SubmitServiceRequestRequest.from(form(
                "address_string=DCY&phone=%2B86+(10)+5555-0101&first_name=Li&last_name=Lei"));
        assertThat(ok.phone()).isEqualTo("+86105555-0101");
        assertThat(ok.reporterName()).isEqualTo("Li Lei");
    }

    private static void assertRefused(String body, String field) {
        assertThatThrownBy(() -> {
            Open311Form parsed = form(body);
            parsed.single("description");
            parsed.attributes();
        }).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().getFirst().field())
                .isEqualTo(field));
    }
}
