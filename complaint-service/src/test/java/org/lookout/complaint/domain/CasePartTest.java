package org.lookout.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lookout.contracts.AgencyKind;
import org.lookout.contracts.EscalationState;
import org.lookout.contracts.PartKind;

/** Who reads a case file until when: plain JUnit on {@link CasePart#readableAt} (the resource tests prove the wiring). */
class CasePartTest {

    private static final Duration THIRTY_DAYS = Duration.ofDays(30);
    private static final Instant OPENED = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant CLOSED = Instant.parse("2026-03-10T08:00:00Z");

    @Test
    void anOpenPartReadsForAsLongAsItIsOpen() {
        CasePart part = part(AgencyKind.POLICE_STATION, false);

        assertThat(part.readableUntil(THIRTY_DAYS, null)).isEmpty();
        assertThat(part.readableAt(OPENED.plus(Duration.ofDays(3650)), THIRTY_DAYS, null)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = EscalationState.class, names = { "RESOLVED", "RETURNED" })
    void aClosedPartReadsForThePeriodAfterItClosedThenNoMore(EscalationState closing) {
        CasePart part = part(AgencyKind.POLICE_STATION, false);
        part.moved(EscalationState.ACKNOWLEDGED, OPENED.plusSeconds(60));
        part.moved(closing, CLOSED);

        assertThat(part.readableUntil(THIRTY_DAYS, null)).contains(CLOSED.plus(THIRTY_DAYS));
        assertThat(part.readableAt(CLOSED.plus(THIRTY_DAYS).minusMillis(1), THIRTY_DAYS, null)).isTrue();
        assertThat(part.readableAt(CLOSED.plus(THIRTY_DAYS), THIRTY_DAYS, null)).isFalse();
    }

    @Test
    void theFirstClosingCountsAndMovesThatCloseNothingKeepItOpen() {
        CasePart part = part(AgencyKind.MARKET_REGULATION, false);
        part.moved(EscalationState.ACKNOWLEDGED, OPENED);
        part.moved(EscalationState.OVERDUE, CLOSED);
        assertThat(part.closedAt).isNull();

        part.closeAt(CLOSED);
        part.closeAt(CLOSED.plus(Duration.ofDays(5)));
        assertThat(part.closedAt).isEqualTo(CLOSED);
    }

    @Test
    void aReportClosedBeforeThePartStartsThePeriodThen() {
        CasePart part = part(AgencyKind.CIVIL_AFFAIRS, false);
        Instant reportClosed = CLOSED.minus(Duration.ofDays(2));

        assertThat(part.readableUntil(THIRTY_DAYS, reportClosed)).contains(reportClosed.plus(THIRTY_DAYS));
        part.closeAt(CLOSED);
        assertThat(part.readableUntil(THIRTY_DAYS, reportClosed)).contains(reportClosed.plus(THIRTY_DAYS));
        assertThat(part.readableUntil(THIRTY_DAYS, CLOSED.plus(Duration.ofDays(1))))
                .contains(CLOSED.plus(THIRTY_DAYS));
    }

    @ParameterizedTest
    @EnumSource(AgencyKind.class)
    void aConfidentialCaseIsReadOnlyByTheDisciplineCommissionsPart(AgencyKind kind) {
        CasePart part = part(kind, true);

        assertThat(part.readableAt(OPENED, THIRTY_DAYS, null)).isEqualTo(kind == AgencyKind.DISCIPLINE_COMMISSION);
    }

    private static CasePart part(AgencyKind kind, boolean confidential) {
        return CasePart.opened(UUID.randomUUID(), UUID.randomUUID(), "agency-x", kind, PartKind.ACT, true,
                confidential, OPENED);
    }
}
