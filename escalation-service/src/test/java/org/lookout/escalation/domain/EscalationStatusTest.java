package org.lookout.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The part's life as a table, every pair; and how an escalation follows its lead. */
class EscalationStatusTest {

    private static final Set<String> ALLOWED = Set.of(
            "OPEN>ACKNOWLEDGED", "OPEN>RETURNED", "OPEN>OVERDUE",
            "ACKNOWLEDGED>RESOLVED", "ACKNOWLEDGED>RETURNED", "ACKNOWLEDGED>OVERDUE",
            "OVERDUE>ACKNOWLEDGED", "OVERDUE>RESOLVED", "OVERDUE>RETURNED");

    @Test
    void everyPairIsAllowedExactlyWhenTheTableSaysSo() {
        int checked = 0;
        for (EscalationStatus from : EscalationStatus.values()) {
            for (EscalationStatus to : EscalationStatus.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(ALLOWED.contains(from + ">" + to));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(25);
    }

    @Test
    void resolvedAndReturnedAreFinalAndOnlyWorkTakesProgress() {
        assertThat(EscalationStatus.values()).filteredOn(EscalationStatus::isFinal)
                .containsExactlyInAnyOrder(EscalationStatus.RESOLVED, EscalationStatus.RETURNED);
        assertThat(EscalationStatus.values()).filteredOn(EscalationStatus::takesProgress)
                .containsExactlyInAnyOrder(EscalationStatus.ACKNOWLEDGED, EscalationStatus.OVERDUE);
    }

    @Test
    void aSingleAgencyEscalationIsWhatItsPartIs() {
        for (EscalationStatus status : EscalationStatus.values()) {
            assertThat(follow(status)).isEqualTo(status);
        }
    }

    @Test
    void aJointEscalationResolvesOnlyWhenItsLeadResolves() {
        assertThat(follow(EscalationStatus.ACKNOWLEDGED, EscalationStatus.RESOLVED))
                .isEqualTo(EscalationStatus.ACKNOWLEDGED);
        assertThat(follow(EscalationStatus.RESOLVED, EscalationStatus.ACKNOWLEDGED))
                .isEqualTo(EscalationStatus.RESOLVED);
        assertThat(follow(EscalationStatus.OVERDUE, EscalationStatus.RESOLVED)).isEqualTo(EscalationStatus.OVERDUE);
    }

    @Test
    void aJointEscalationIsReturnedWhenItsLeadOrEveryAgencyReturnsIt() {
        assertThat(follow(EscalationStatus.RETURNED, EscalationStatus.ACKNOWLEDGED))
                .isEqualTo(EscalationStatus.RETURNED);
        assertThat(follow(EscalationStatus.OPEN, EscalationStatus.RETURNED)).isEqualTo(EscalationStatus.OPEN);
        assertThat(follow(EscalationStatus.RETURNED, EscalationStatus.RETURNED, EscalationStatus.RETURNED))
                .isEqualTo(EscalationStatus.RETURNED);
    }

    @Test
    void anotherAgencyAtWorkMakesAnUnacknowledgedJointEscalationAcknowledged() {
        assertThat(follow(EscalationStatus.OPEN, EscalationStatus.OPEN)).isEqualTo(EscalationStatus.OPEN);
        assertThat(follow(EscalationStatus.OPEN, EscalationStatus.ACKNOWLEDGED))
                .isEqualTo(EscalationStatus.ACKNOWLEDGED);
        assertThat(follow(EscalationStatus.OPEN, EscalationStatus.RESOLVED)).isEqualTo(EscalationStatus.ACKNOWLEDGED);
    }

    /** The escalation's status with the lead's part first and the others after it. */
    private static EscalationStatus follow(EscalationStatus lead, EscalationStatus... others) {
        Escalation escalation = new Escalation();
        escalation.id = UUID.randomUUID();
        List<EscalationPart> parts = new ArrayList<>();
        parts.add(part(lead, true));
        for (EscalationStatus other : others) {
            parts.add(part(other, false));
        }
        escalation.follow(parts);
        return escalation.status;
    }

    private static EscalationPart part(EscalationStatus status, boolean lead) {
        EscalationPart part = new EscalationPart();
        part.status = status;
        part.lead = lead;
        return part;
    }
}
