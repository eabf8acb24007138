package org.lookout.cadre.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Outcome;
import org.lookout.contracts.SupervisionLimit;
import org.lookout.contracts.SupervisionSource;

/** A record's facts and limits, without Quarkus. */
class SupervisionRecordTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant FORWARDING_DUE = Instant.parse("2026-03-09T16:00:00Z");
    private static final Instant ACCEPTANCE_DUE = Instant.parse("2026-03-23T16:00:00Z");

    @Test
    void aRecordFromAReportKeepsItsReferencesAndTheReportersOpaqueReferenceOnly() {
        ComplaintSubmitted report = EventJson.fromTree(
                EventJson.readResource(EventType.COMPLAINT_SUBMITTED.sampleResource()).path("data"),
                ComplaintSubmitted.class);

        SupervisionRecord record = SupervisionRecord.ofReport("event-1", report);

        assertThat(record.source).isEqualTo(SupervisionSource.REPORT);
        assertThat(record.reportId).isEqualTo(report.reportId());
        assertThat(record.realName).isEqualTo(!report.anonymous());
        assertThat(record.reporterRef).isEqualTo(report.anonymous() ? null : report.reporterRef());
        assertThat(record.content).isNull();
        assertThat(record.trackingCode).isNull();
        assertThat(record.escalationReference()).isEqualTo(report.reportId());
    }

    @Test
    void aFilingGetsAnUnguessableTrackingCodeAndStandsForItsOwnReport() {
        SupervisionRecord one = SupervisionRecord.filed(SupervisionSource.INFORMATION_OFFICER, "DCY", RECEIVED, "text",
                true, null);
        SupervisionRecord two = SupervisionRecord.filed(SupervisionSource.NOTICE_COMMENT, "DCY", RECEIVED, "text", false,
                UUID.randomUUID());

        assertThat(one.trackingCode).matches("SV-[A-Z2-9]{16}").isNotEqualTo(two.trackingCode);
        assertThat(one.escalationReference()).isEqualTo(one.id);
        assertThat(one.reporterRef).isNull();
    }

    @Test
    void aLimitIsMissedOnceWhileTheRecordWaitsAndMetByAcceptingOrForwarding() {
        SupervisionRecord record = received();

        assertThat(record.misses(SupervisionLimit.FORWARDING, FORWARDING_DUE.minusSeconds(1))).isFalse();
        assertThat(record.misses(SupervisionLimit.FORWARDING, FORWARDING_DUE)).isTrue();
        assertThat(record.misses(SupervisionLimit.ACCEPTANCE, FORWARDING_DUE)).isFalse();
        record.overdue(SupervisionLimit.FORWARDING, FORWARDING_DUE);
        assertThat(record.misses(SupervisionLimit.FORWARDING, ACCEPTANCE_DUE)).isFalse();
        assertThat(record.overdue()).isTrue();

        SupervisionRecord accepted = received();
        accepted.accept(RECEIVED.plusSeconds(60), "inspector-1");
        assertThat(accepted.misses(SupervisionLimit.ACCEPTANCE, ACCEPTANCE_DUE)).isFalse();
        assertThat(accepted.misses(SupervisionLimit.FORWARDING, ACCEPTANCE_DUE)).isFalse();
    }

    @Test
    void withoutDeadlinesNothingIsMissedYet() {
        SupervisionRecord record = SupervisionRecord.filed(SupervisionSource.INFORMATION_OFFICER, "DCY", RECEIVED, "t",
                true, null);

        assertThat(record.misses(SupervisionLimit.ACCEPTANCE, RECEIVED.plusSeconds(86_400L * 365))).isFalse();
    }

    @Test
    void theOrgansOutcomeConcludesAForwardedRecordAndAReturnBringsItBack() {
        SupervisionRecord record = received();
        record.forward(RECEIVED, "inspector-1", false);
        record.escalationId = UUID.randomUUID();

        record.organReturned();
        assertThat(record.status).isEqualTo(SupervisionStatus.ACCEPTED);
        assertThat(record.escalationId).isNull();

        record.forward(RECEIVED, "inspector-1", true);
        record.organResolved(RECEIVED, Outcome.PENALISED, true);
        assertThat(record.status).isEqualTo(SupervisionStatus.CONCLUDED);
        assertThat(record.substantiated).isTrue();
        assertThat(record.status.publicStatus()).isEqualTo("CONCLUDED");
    }

    @Test
    void theConcernASubstantiatedRecordLeavesSaysWhoFoundItTrue() {
        SupervisionRecord record = received();
        record.officialId = UUID.randomUUID();
        record.forward(RECEIVED, "inspector-1", false);
        record.organResolved(RECEIVED, Outcome.CASE_OPENED, true);

        ArchiveEntry entry = ArchiveEntry.concernOf(record, RECEIVED, java.time.ZoneId.of("Asia/Shanghai"));

        assertThat(entry.kind).isEqualTo(ArchiveKind.CONCERN);
        assertThat(entry.source).isEqualTo(ArchiveSource.DISCIPLINE_ORGAN);
        assertThat(entry.verified).isTrue();
        assertThat(entry.officialId).isEqualTo(record.officialId);
        assertThat(entry.supervisionRecordId).isEqualTo(record.id);
        assertThat(entry.text).contains("CASE_OPENED");
    }

    private static SupervisionRecord received() {
        SupervisionRecord record = SupervisionRecord.filed(SupervisionSource.INFORMATION_OFFICER, "DCY", RECEIVED, "t",
                true, null);
        record.scheduleDeadlines(ACCEPTANCE_DUE, FORWARDING_DUE, false);
        return record;
    }
}
