package org.lookout.cadre.supervision;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.cadre.calendar.WorkingDays;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.SupervisionRecord;

import io.smallrye.mutiny.Uni;

/**
 * A record's 12388 limits on the working calendar: accepted (or forwarded) within 15 working days of receipt, forwarded
 * (or accepted here) within 5. Asked outside any transaction; empty while the calendar does not answer.
 */
@ApplicationScoped
public class SupervisionDeadlines {

    /** Both limits of a record. */
    public record Limits(Instant acceptanceDue, Instant forwardingDue, boolean provisional) {

        public void applyTo(SupervisionRecord record) {
            record.scheduleDeadlines(acceptanceDue, forwardingDue, provisional);
        }
    }

    private final WorkingDays workingDays;
    private final CadreConfig config;

    SupervisionDeadlines(WorkingDays workingDays, CadreConfig config) {
        this.workingDays = workingDays;
        this.config = config;
    }

    public Uni<Optional<Limits>> of(Instant receivedAt) {
        return workingDays.deadline(receivedAt, config.acceptanceWorkingDays())
                .chain(acceptance -> acceptance.isEmpty() ? Uni.createFrom().item(Optional.<Limits>empty())
                        : workingDays.deadline(receivedAt, config.forwardingWorkingDays())
                                .map(forwarding -> forwarding.map(due -> new Limits(acceptance.get().dueAt(),
                                        due.dueAt(), acceptance.get().provisional() || due.provisional()))));
    }
}
