package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTextFilterTest {

    @Test
    void aParameterIsNamedByItsDecodedName() {
        assertThat(RequestTextFilter.queryRefusal("status=OPEN&reportId=%C0%80"))
                .contains(new Problem.FieldError("reportId", RequestTextFilter.NOT_UTF8));
        assertThat(RequestTextFilter.queryRefusal("item%20code=a%00b"))
                .contains(new Problem.FieldError("item code", TextRules.CONTROL_CHARACTER));
        assertThat(RequestTextFilter.queryRefusal("a%0Ab=1%zz"))
                .as("a name that is no plain text is not repeated").contains(new Problem.FieldError("query",
                        RequestTextFilter.NOT_UTF8));
    }

    @Test
    void plainTextPasses() {
        assertThat(RequestTextFilter.queryRefusal(null)).isEmpty();
        assertThat(RequestTextFilter.queryRefusal("from=2026-02-13&q=%E6%A5%BC%E6%A0%8B+3&reason=line%0D%0Atwo&flag"))
                .isEmpty();
    }

    @Test
    void theRawComponentMustBeStrictPercentEncodedUtf8() {
        assertThat(PercentDecoding.decode("a%20b%2F%E6%A5%BC")).contains("a b/楼");
        assertThat(PercentDecoding.decode("%zz")).isEmpty();
        assertThat(PercentDecoding.decode("%4")).isEmpty();
        assertThat(PercentDecoding.decode("%")).isEmpty();
        assertThat(PercentDecoding.decode("%C0%80")).isEmpty();
        assertThat(PercentDecoding.decode("%ED%A0%80")).isEmpty();
    }
}
