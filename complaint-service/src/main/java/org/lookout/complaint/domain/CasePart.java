package org.lookout.complaint.domain;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.lookout.contracts.AgencyKind;
import org.lookout.contracts.EscalationState;
import org.lookout.contracts.PartKind;

/**
 * An agency's part of an escalation of a report, as escalation-service's events tell it: the one thing that lets an
 * agency read the report's case file. Readable while the part is open and for a period after it closed (resolved or
 * returned, its escalation ended, or the report closed, whichever came first); a confidential case (about an official)
 * only by the discipline commission's part. The rule is here, in one place ({@link #readableUntil}).
 */
@Entity
@Table(name = "case_part")
@IdClass(CasePart.Key.class)
public class CasePart {

    /** The composite key: one part per agency and escalation. */
    public static class Key implements Serializable {

        public UUID escalationId;
        public String agencyCode;

        public Key() {
        }

        public Key(UUID escalationId, String agencyCode) {
            this.escalationId = escalationId;
            this.agencyCode = agencyCode;
        }

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

    @Enumerated(EnumType.STRING)
    @Column(name = "agency_kind", nullable = false)
    public AgencyKind agencyKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartKind kind;

    @Column(nullable = false)
    public boolean lead;

    @Column(nullable = false)
    public boolean confidential;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationState status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    public static CasePart opened(UUID escalationId, UUID reportId, String agencyCode, AgencyKind agencyKind,
            PartKind kind, boolean lead, boolean confidential, Instant at) {
        CasePart part = new CasePart();
        part.escalationId = Objects.requireNonNull(escalationId, "escalationId");
        part.reportId = Objects.requireNonNull(reportId, "reportId");
        part.agencyCode = Objects.requireNonNull(agencyCode, "agencyCode");
        part.agencyKind = Objects.requireNonNull(agencyKind, "agencyKind");
        part.kind = kind;
        part.lead = lead;
        part.confidential = confidential;
        part.status = EscalationState.OPEN;
        part.openedAt = at;
        return part;
    }

    /** The part moved to {@code status} at {@code at}; resolved or returned closes it (once: the first time counts). */
    public void moved(EscalationState status, Instant at) {
        this.status = status;
        if (status == EscalationState.RESOLVED || status == EscalationState.RETURNED) {
            closeAt(at);
        }
    }

    /** Its escalation ended (the lead resolved, or it was returned) at {@code at}: no part of it moves any more. */
    public void closeAt(Instant at) {
        if (closedAt == null) {
            closedAt = at;
        }
    }

    /**
     * Until when the agency reads the case: empty while the part is open and the report not closed ({@code
     * reportClosedAt} null); else {@code readAfterClose} after the earlier of the two. A confidential case is never
     * readable by an agency other than a discipline commission: then {@link Instant#MIN}.
     */
    public Optional<Instant> readableUntil(Duration readAfterClose, Instant reportClosedAt) {
        if (confidential && agencyKind != AgencyKind.DISCIPLINE_COMMISSION) {
            return Optional.of(Instant.MIN);
        }
        Instant closed = closedAt;
        if (reportClosedAt != null && (closed == null || reportClosedAt.isBefore(closed))) {
            closed = reportClosedAt;
        }
        return Optional.ofNullable(closed).map(at -> at.plus(readAfterClose));
    }

    /** Whether the agency reads the case at {@code now}. */
    public boolean readableAt(Instant now, Duration readAfterClose, Instant reportClosedAt) {
        return readableUntil(readAfterClose, reportClosedAt).map(now::isBefore).orElse(true);
    }
}
