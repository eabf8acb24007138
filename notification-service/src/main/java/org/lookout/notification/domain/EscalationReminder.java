package org.lookout.notification.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An agency's deadline on an escalation, so it is reminded before it passes; cancelled when its part is answered. */
@Entity
@Table(name = "escalation_reminder")
@IdClass(EscalationReminder.Key.class)
public class EscalationReminder {

    public enum State {
        WAITING, SENT, CANCELLED
    }

    public static class Key implements Serializable {
        public UUID escalationId;
        public String agencyCode;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(escalationId, key.escalationId)
                    && Objects.equals(agencyCode, key.agencyCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(escalationId, agencyCode);
        }
    }

    @Id
    @Column(name = "escalation_id")
    public UUID escalationId;

    @Id
    @Column(name = "agency_code")
    public String agencyCode;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "remind_at", nullable = false)
    public Instant remindAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;
}
