package org.lookout.complaint.casefile;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.CaseHistoryEntry;
import org.lookout.complaint.domain.CasePart;
import org.lookout.complaint.domain.ReportHistoryEntry;
import org.lookout.complaint.domain.ReportRepository;
import org.lookout.contracts.EscalationAgency;
import org.lookout.contracts.EscalationChanged;
import org.lookout.contracts.EscalationInformed;
import org.lookout.contracts.EscalationOpened;
import org.lookout.contracts.EscalationState;
import org.lookout.contracts.EventType;
import org.lookout.contracts.PartKind;

import io.smallrye.mutiny.Uni;

/**
 * Who may read which case file, kept from escalation-service's events in the consumer's transaction: an opened or
 * informed escalation gives each of its agencies a part; a part resolved or returned, or an escalation that ended, closes
 * parts; every event is a line of the escalation's history. complaint-service owns the report, so the rule and the data
 * stay here and no copy of a report travels to escalation-service. An event about a report this service does not have is
 * skipped, and a repeat of an event changes nothing (the consumer applies each event id once).
 */
@ApplicationScoped
public class CaseFileFacts {

    /** The actor of a report history entry written for an escalation event. */
    static final String SYSTEM = "system";

    private final CasePartRepository parts;
    private final CaseHistoryRepository history;
    private final ReportRepository reports;

    CaseFileFacts(CasePartRepository parts, CaseHistoryRepository history, ReportRepository reports) {
        this.parts = parts;
        this.history = history;
        this.reports = reports;
    }

    public Uni<Void> onOpened(EscalationOpened opened) {
        return ifReportKnown(opened.reportId(), () -> {
            Uni<Void> written = Uni.createFrom().voidItem();
            for (EscalationAgency agency : opened.agencies()) {
                written = written.chain(() -> keep(CasePart.opened(opened.escalationId(), opened.reportId(),
                        agency.agencyCode(), agency.agencyKind(), PartKind.ACT, agency.lead(), opened.confidential(),
                        opened.openedAt())));
            }
            return written.chain(() -> line(opened.escalationId(), opened.openedAt(), EventType.ESCALATION_OPENED,
                    opened.leadAgencyCode(), PartKind.ACT, EscalationState.OPEN, EscalationState.OPEN, null));
        });
    }

    /** A copy for information: the agency's part, a line of the escalation's history and one of the report's. */
    public Uni<Void> onInformed(EscalationInformed informed) {
        return ifReportKnown(informed.reportId(), () -> reports.findById(informed.reportId()).chain(report ->
                keep(CasePart.opened(informed.escalationId(), informed.reportId(), informed.agencyCode(),
                        informed.agencyKind(), PartKind.INFORM, false, informed.confidential(),
                        informed.informedAt()))
                .chain(() -> reports.append(ReportHistoryEntry.change(report.id, report.status, report.status, SYSTEM,
                        "copied for information to " + informed.agencyCode(), informed.informedAt())))
                .chain(() -> line(informed.escalationId(), informed.informedAt(), EventType.ESCALATION_INFORMED,
                        informed.agencyCode(), PartKind.INFORM, EscalationState.OPEN, EscalationState.OPEN, null))));
    }

    /** A part changed: its state, its closing, the escalation's end (every part closes), and the history line. */
    public Uni<Void> onChanged(EventType type, EscalationChanged changed) {
        boolean ended = changed.escalationStatus() == EscalationState.RESOLVED
                || changed.escalationStatus() == EscalationState.RETURNED;
        return ifReportKnown(changed.reportId(), () -> parts.ofEscalation(changed.escalationId()).chain(all -> {
            for (CasePart part : all) {
                if (part.agencyCode.equals(changed.agencyCode())) {
                    part.moved(changed.partStatus(), changed.changedAt());
                }
                if (ended) {
                    part.closeAt(changed.changedAt());
                }
            }
            return line(changed.escalationId(), changed.changedAt(), type, changed.agencyCode(),
                    changed.partKind() == null ? PartKind.ACT : changed.partKind(), changed.partStatus(),
                    changed.escalationStatus(), changed);
        }));
    }

    /** A part is created once: an escalation announced again (under another event id) keeps the part it has. */
    private Uni<Void> keep(CasePart part) {
        return parts.of(part.escalationId, part.agencyCode)
                .chain(known -> known != null ? Uni.createFrom().voidItem() : parts.persist(part).replaceWithVoid());
    }

    private Uni<Void> line(UUID escalationId, Instant at, EventType type, String agencyCode, PartKind kind,
            EscalationState partStatus, EscalationState escalationStatus, EscalationChanged changed) {
        return history.persist(CaseHistoryEntry.of(escalationId, at, shortName(type), agencyCode, kind, partStatus,
                escalationStatus, changed == null ? null : changed.outcome(),
                changed == null ? null : changed.returnReason())).replaceWithVoid();
    }

    /** {@code lookout.escalation.acknowledged.v1} → {@code acknowledged}. */
    static String shortName(EventType type) {
        return type.type().replaceFirst("^lookout\\.escalation\\.", "").replaceFirst("\\.v[0-9]+$", "");
    }

    private Uni<Void> ifReportKnown(UUID reportId, Supplier<Uni<Void>> apply) {
        return reports.findById(reportId).chain(report -> report == null ? Uni.createFrom().voidItem() : apply.get());
    }
}
