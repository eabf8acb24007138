package org.lookout.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lookout.complaint.domain.ReportStatus;

/** Every lifecycle state has its Open311 status and public words in both languages. */
class Open311StatusTest {

    @Test
    void everyStateIsOpenOrClosedAsTheReadmeSays() {
        Map<ReportStatus, Open311Status> expected = new EnumMap<>(ReportStatus.class);
        for (ReportStatus open : new ReportStatus[] { ReportStatus.RECEIVED, ReportStatus.ACCEPTED, ReportStatus.ASSIGNED,
                ReportStatus.RESPONDED, ReportStatus.ESCALATED, ReportStatus.REOPENED }) {
            expected.put(open, Open311Status.OPEN);
        }
        for (ReportStatus closed : new ReportStatus[] { ReportStatus.RESOLVED, ReportStatus.CLOSED,
                ReportStatus.CLOSED_UNRESOLVABLE, ReportStatus.REJECTED }) {
            expected.put(closed, Open311Status.CLOSED);
        }
        assertThat(expected).hasSize(ReportStatus.values().length);
        for (ReportStatus status : ReportStatus.values()) {
            assertThat(Open311Status.of(status)).as("%s", status).isEqualTo(expected.get(status));
            assertThat(Open311Status.describe(status, Language.EN)).isNotBlank();
            assertThat(Open311Status.describe(status, Language.ZH)).isNotBlank()
                    .isNotEqualTo(Open311Status.describe(status, Language.EN));
        }
        assertThat(Open311Status.OPEN.wire()).isEqualTo("open");
    }

    @Test
    void theLanguageIsTheCallersWhereItIsOneOfOurs() {
        assertThat(Language.of("en-GB,en;q=0.9", Language.ZH)).isEqualTo(Language.EN);
        assertThat(Language.of("zh-CN,zh;q=0.9,en;q=0.5", Language.EN)).isEqualTo(Language.ZH);
        assertThat(Language.of("fr-FR", Language.ZH)).isEqualTo(Language.ZH);
        assertThat(Language.of("a;q=x;;", Language.EN)).isEqualTo(Language.EN);
        assertThat(Language.of(null, Language.EN)).isEqualTo(Language.EN);
    }
}
