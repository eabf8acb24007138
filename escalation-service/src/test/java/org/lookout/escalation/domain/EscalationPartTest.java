package org.lookout.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lookout.escalation.domain.WorkingCalendarTest.SEEDED;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lookout.contracts.AgencyKind;
import org.lookout.contracts.Outcome;
import org.lookout.contracts.PartKind;
import org.lookout.contracts.ReturnReason;
import org.lookout.problem.ProblemException;
import org.lookout.problem.ProblemType;

/**
 * What an agency does with its part, for every state × action: the state it moves to, or the 409 naming the state, the
 * action and the states that may follow; a street's part (worked by its supervisors) moves by the same table and is
 * returned with instructions and a new deadline. Plain JUnit ({@code AgencyWorkResourceTest} and
 * {@code StreetWorkTest} prove the wiring).
 */
class EscalationPartTest {

    private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-03-01T02:00:00Z");

    // Mon 2026-03-02 10:00 Shanghai + 2 working days: the end of Wed 2026-03-04
    private static final Instant TWO_WORKING_DAYS_LATER = Instant.parse("2026-03-04T16:00:00Z");

    /** RETURN_WITH_INSTRUCTIONS: the street's return (督办), on a street's part; the others on an agency's part. */
    enum Action {
        ACKNOWLEDGE, PROGRESS, RESOLVE, RETURN, RETURN_WITH_INSTRUCTIONS, OVERDUE
    }

    /** {@code to}: the part's state afterwards, or 409; the overdue sweep never refuses, it passes a part by. */
    @ParameterizedTest(name = "{0} + {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            OPEN         | ACKNOWLEDGE | ACKNOWLEDGED
            OPEN         | PROGRESS    | 409
            OPEN         | RESOLVE     | 409
            OPEN         | RETURN      | RETURNED
            OPEN         | RETURN_WITH_INSTRUCTIONS | RETURNED
            OPEN         | OVERDUE     | OVERDUE
            ACKNOWLEDGED | ACKNOWLEDGE | 409
            ACKNOWLEDGED | PROGRESS    | ACKNOWLEDGED
            ACKNOWLEDGED | RESOLVE     | RESOLVED
            ACKNOWLEDGED | RETURN      | RETURNED
            ACKNOWLEDGED | RETURN_WITH_INSTRUCTIONS | RETURNED
            ACKNOWLEDGED | OVERDUE     | OVERDUE
            OVERDUE      | ACKNOWLEDGE | ACKNOWLEDGED
            OVERDUE      | PROGRESS    | OVERDUE
            OVERDUE      | RESOLVE     | RESOLVED
            OVERDUE      | RETURN      | RETURNED
            OVERDUE      | RETURN_WITH_INSTRUCTIONS | RETURNED
            OVERDUE      | OVERDUE     | OVERDUE
            RESOLVED     | ACKNOWLEDGE | 409
            RESOLVED     | PROGRESS    | 409
            RESOLVED     | RESOLVE     | 409
            RESOLVED     | RETURN      | 409
            RESOLVED     | RETURN_WITH_INSTRUCTIONS | 409
            RESOLVED     | OVERDUE     | RESOLVED
            RETURNED     | ACKNOWLEDGE | 409
            RETURNED     | PROGRESS    | 409
            RETURNED     | RESOLVE     | 409
            RETURNED     | RETURN      | 409
            RETURNED     | RETURN_WITH_INSTRUCTIONS | 409
            RETURNED     | OVERDUE     | RETURNED
            """)
    void everyActionInEveryState(EscalationStatus from, Action action, String to) {
        EscalationPart part = action == Action.RETURN_WITH_INSTRUCTIONS ? streetPart(from) : part(from);
        if (to.equals("409")) {
            assertThatThrownBy(() -> act(part, action)).isInstanceOfSatisfying(ProblemException.class, problem -> {
                assertThat(problem.type()).isEqualTo(ProblemType.ILLEGAL_TRANSITION);
                assertThat(problem.status()).isEqualTo(409);
                assertThat(problem.extensions()).containsEntry("from", from.name())
                        .containsEntry("allowed", from.next().stream().sorted().map(Enum::name).toList());
                assertThat(problem.errors()).extracting(error -> error.field()).containsExactly("status");
            });
            assertThat(part.status).isEqualTo(from);
            return;
        }
        act(part, action);
        assertThat(part.status).isEqualTo(EscalationStatus.valueOf(to));
    }

    /**
     * A part copied for information (INFORM) has no deadline: the same table without OVERDUE, which it never reaches
     * (the sweep passes it by) and which its 409s never name.
     */
    @ParameterizedTest(name = "INFORM {0} + {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            OPEN         | ACKNOWLEDGE | ACKNOWLEDGED
            OPEN         | PROGRESS    | 409
            OPEN         | RESOLVE     | 409
            OPEN         | RETURN      | RETURNED
            OPEN         | OVERDUE     | OPEN
            ACKNOWLEDGED | ACKNOWLEDGE | 409
            ACKNOWLEDGED | PROGRESS    | ACKNOWLEDGED
            ACKNOWLEDGED | RESOLVE     | RESOLVED
            ACKNOWLEDGED | RETURN      | RETURNED
            ACKNOWLEDGED | OVERDUE     | ACKNOWLEDGED
            RESOLVED     | ACKNOWLEDGE | 409
            RESOLVED     | PROGRESS    | 409
            RESOLVED     | RESOLVE     | 409
            RESOLVED     | RETURN      | 409
            RESOLVED     | OVERDUE     | RESOLVED
            RETURNED     | ACKNOWLEDGE | 409
            RETURNED     | PROGRESS    | 409
            RETURNED     | RESOLVE     | 409
            RETURNED     | RETURN      | 409
            RETURNED     | OVERDUE     | RETURNED
            """)
    void everyActionInEveryStateOfACopyForInformation(EscalationStatus from, Action action, String to) {
        EscalationPart part = EscalationPart.open(UUID.randomUUID(),
                agency("civil-affairs-dcy", AgencyKind.CIVIL_AFFAIRS, "DCYJD"), false, PartKind.INFORM);
        part.status = from;
        if (to.equals("409")) {
            assertThatThrownBy(() -> act(part, action)).isInstanceOfSatisfying(ProblemException.class, problem -> {
                assertThat(problem.status()).isEqualTo(409);
                assertThat(problem.extensions()).containsEntry("from", from.name()).containsEntry("allowed",
                        from.next().stream().filter(next -> next != EscalationStatus.OVERDUE).sorted()
                                .map(Enum::name).toList());
            });
            assertThat(part.status).isEqualTo(from);
            return;
        }
        act(part, action);
        assertThat(part.status).isEqualTo(EscalationStatus.valueOf(to));
        assertThat(part.overdueAt).isNull();
    }

    @Test
    void aCopyForInformationHasOnePartNoLeadNoDeadlineAndFollowsItsPart() {
        ReportFacts report = new ReportFacts(UUID.randomUUID(), "DCY", "subsistence-allowance", false);
        Agency civilAffairs = new Agency();
        civilAffairs.code = "civil-affairs";

        Escalation.Opened opened = Escalation.inform(report, "DCYJD", civilAffairs, "the family visits", AT, "staff-1");
        Escalation escalation = opened.escalation();
        EscalationPart part = opened.parts().getFirst();

        assertThat(opened.parts()).hasSize(1);
        assertThat(escalation.kind).isEqualTo(PartKind.INFORM);
        assertThat(part.kind).isEqualTo(PartKind.INFORM);
        assertThat(part.lead).isFalse();
        assertThat(escalation.leadAgencyCode).isNull();
        assertThat(escalation.dueAt).isNull();
        assertThat(escalation.workingDays).isNull();
        assertThat(escalation.status).isEqualTo(EscalationStatus.OPEN);
        part.acknowledge(AT);
        escalation.follow(opened.parts());
        assertThat(escalation.status).isEqualTo(EscalationStatus.ACKNOWLEDGED);
        assertThat(escalation.markOverdue(AT, opened.parts())).isEmpty();
        assertThat(escalation.status).isEqualTo(EscalationStatus.ACKNOWLEDGED);
        part.resolve(AT, Outcome.CASE_OPENED, "the allowance is under review");
        escalation.follow(opened.parts());
        assertThat(escalation.status).isEqualTo(EscalationStatus.RESOLVED);
    }

    @Test
    void eachMoveSetsWhatItChanges() {
        EscalationPart part = part(EscalationStatus.OPEN);
        part.acknowledge(EARLIER);
        assertThat(part.progress(AT, "on site").note).isEqualTo("on site");
        part.resolve(AT, Outcome.CASE_OPENED, "a case was opened");
        assertThat(part.acknowledgedAt).isEqualTo(EARLIER);
        assertThat(part.resolvedAt).isEqualTo(AT);
        assertThat(part.outcome).isEqualTo(Outcome.CASE_OPENED);
        assertThat(part.actionsTaken).isEqualTo("a case was opened");

        EscalationPart returned = part(EscalationStatus.OPEN);
        returned.giveBack(AT, ReturnReason.WRONG_JURISDICTION, "next district", null, SEEDED);
        assertThat(returned.returnedAt).isEqualTo(AT);
        assertThat(returned.returnReason).isEqualTo(ReturnReason.WRONG_JURISDICTION);
        assertThat(returned.returnNote).isEqualTo("next district");
        assertThat(returned.returnDueAt).isNull();
    }

    @Test
    void theStreetReturnsItsPartToTheCommunityWithInstructionsAndANewDeadline() {
        EscalationPart part = streetPart(EscalationStatus.ACKNOWLEDGED);

        part.giveBack(AT, ReturnReason.INSTRUCTIONS_GIVEN, "replace the lamp and report back", 2, SEEDED);

        assertThat(part.status).isEqualTo(EscalationStatus.RETURNED);
        assertThat(part.returnedAt).isEqualTo(AT);
        assertThat(part.returnReason).isEqualTo(ReturnReason.INSTRUCTIONS_GIVEN);
        assertThat(part.returnNote).isEqualTo("replace the lamp and report back");
        assertThat(part.returnDueAt).isEqualTo(TWO_WORKING_DAYS_LATER);
    }

    @Test
    void aPartAddressedToAStreetOfficeIsItsStreetsAndAnAgencysIsNot() {
        Agency office = agency("street-office-dcyjd", AgencyKind.STREET_OFFICE, "DCYJD");
        Agency police = agency("police-dcy", AgencyKind.POLICE_STATION, "DCYJD");

        assertThat(EscalationPart.open(UUID.randomUUID(), office, true).streetCode).isEqualTo("DCYJD");
        assertThat(EscalationPart.open(UUID.randomUUID(), office, true).isTheStreets()).isTrue();
        assertThat(EscalationPart.open(UUID.randomUUID(), police, true).streetCode).isNull();
        assertThat(EscalationPart.open(UUID.randomUUID(), police, true).isTheStreets()).isFalse();
    }

    /** reason, note, days → the field the 400 names; the part stays as it was. */
    @ParameterizedTest(name = "{0} part: {1}, note {2}, {3} days → 400 {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            street | NOT_RESPONSIBLE    | instructions | 2 | reason
            street | INSTRUCTIONS_GIVEN | -            | 2 | note
            street | INSTRUCTIONS_GIVEN | '  '         | 2 | note
            street | INSTRUCTIONS_GIVEN | instructions | - | dueInWorkingDays
            agency | INSTRUCTIONS_GIVEN | instructions | - | reason
            agency | NOT_RESPONSIBLE    | -            | 2 | dueInWorkingDays
            """)
    void aReturnThatDoesNotFitWhosePartItIsIsRefusedNamingTheField(String whose, ReturnReason reason, String note,
            Integer days, String field) {
        EscalationPart part = whose.equals("street") ? streetPart(EscalationStatus.OPEN) : part(EscalationStatus.OPEN);

        assertThatThrownBy(() -> part.giveBack(AT, reason, note, days, SEEDED))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).extracting(error -> error.field()).containsExactly(field);
                });
        assertThat(part.status).isEqualTo(EscalationStatus.OPEN);
        assertThat(part.returnedAt).isNull();
    }

    @Test
    void aLateAcknowledgementKeepsTheFirstOneAndAPartIsOverdueOnce() {
        EscalationPart part = part(EscalationStatus.OPEN);
        assertThat(part.markOverdue(EARLIER)).isTrue();
        assertThat(part.markOverdue(AT)).isFalse();
        part.acknowledge(AT);
        assertThat(part.markOverdue(AT)).as("overdue once, even when acknowledged late").isFalse();
        assertThat(part.overdueAt).isEqualTo(EARLIER);
        assertThat(part.acknowledgedAt).isEqualTo(AT);
    }

    @Test
    void anEndedEscalationRefusesEveryActionNamingItsOwnState() {
        Escalation escalation = new Escalation();
        escalation.status = EscalationStatus.RETURNED;

        assertThatThrownBy(() -> escalation.checkOpenFor("acknowledge")).isInstanceOfSatisfying(
                ProblemException.class, problem -> assertThat(problem.extensions())
                        .containsEntry("from", "RETURNED").containsEntry("action", "acknowledge")
                        .containsEntry("allowed", List.of()));
    }

    @Test
    void theOverdueSweepMarksTheOpenAndAcknowledgedPartsAndTheEscalationFollowsItsLead() {
        Escalation escalation = new Escalation();
        escalation.id = UUID.randomUUID();
        EscalationPart lead = part(EscalationStatus.ACKNOWLEDGED);
        EscalationPart resolved = part(EscalationStatus.RESOLVED);
        resolved.lead = false;

        List<EscalationPart> late = escalation.markOverdue(AT, List.of(lead, resolved));

        assertThat(late).containsExactly(lead);
        assertThat(escalation.overdueAt).isEqualTo(AT);
        assertThat(escalation.status).isEqualTo(EscalationStatus.OVERDUE);
    }

    private static void act(EscalationPart part, Action action) {
        switch (action) {
            case ACKNOWLEDGE -> part.acknowledge(AT);
            case PROGRESS -> part.progress(AT, "note");
            case RESOLVE -> part.resolve(AT, Outcome.HANDLED, "done");
            case RETURN -> part.giveBack(AT, ReturnReason.NOT_RESPONSIBLE, null, null, SEEDED);
            case RETURN_WITH_INSTRUCTIONS -> part.giveBack(AT, ReturnReason.INSTRUCTIONS_GIVEN, "do it", 2, SEEDED);
            case OVERDUE -> part.markOverdue(AT);
        }
    }

    private static EscalationPart part(EscalationStatus status) {
        EscalationPart part = EscalationPart.open(UUID.randomUUID(),
                agency("police-dcy", AgencyKind.POLICE_STATION, "DCYJD"), true);
        part.status = status;
        return part;
    }

    private static EscalationPart streetPart(EscalationStatus status) {
        EscalationPart part = EscalationPart.open(UUID.randomUUID(),
                agency("street-office-dcyjd", AgencyKind.STREET_OFFICE, "DCYJD"), true);
        part.status = status;
        return part;
    }

    private static Agency agency(String code, AgencyKind kind, String jurisdiction) {
        Agency agency = new Agency();
        agency.code = code;
        agency.kind = kind;
        agency.jurisdiction = jurisdiction;
        return agency;
    }
}
