package org.lookout.complaint.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportHistoryEntry;
import org.lookout.complaint.repository.ReferenceDataRepository;
import org.lookout.complaint.repository.ReportRepository;
import org.lookout.contracts.ReporterPseudonym;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads of reports, each checked against the caller's scope; outside it a report is answered as absent (404). */
@ApplicationScoped
public class ReportQueryService {

    private final ReportRepository reports;
    private final ReferenceDataRepository referenceData;
    private final ComplaintConfig config;

    ReportQueryService(ReportRepository reports, ReferenceDataRepository referenceData, ComplaintConfig config) {
        this.reports = reports;
        this.referenceData = referenceData;
        this.config = config;
    }

    @WithSession
    public Uni<Report> find(UUID id, Caller caller) {
        return reports.findById(id)
                .chain(report -> report == null ? Uni.createFrom().<Report> nullItem() : visible(report, caller)
                        .map(visible -> visible ? report : null))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("report " + id));
    }

    @WithSession
    public Uni<List<Report>> filedBy(Caller caller) {
        return reports.filedBy(ReporterPseudonym.of(config.pseudonymKey(), caller.subject()));
    }

    private Uni<Boolean> visible(Report report, Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return Uni.createFrom().item(true);
        }
        if (report.confidential) {
            // reports about officials: inspectors only, never community staff
            return Uni.createFrom().item(caller.is(Roles.INSPECTOR) || filedByCaller(report, caller));
        }
        if (caller.is(Roles.STAFF) && caller.community().filter(report.communityCode::equals).isPresent()) {
            return Uni.createFrom().item(true);
        }
        if (caller.is(Roles.SUPERVISOR) && caller.street().isPresent()) {
            return referenceData.community(report.communityCode)
                    .map(community -> community != null && caller.street().get().equals(community.streetCode));
        }
        return Uni.createFrom().item(filedByCaller(report, caller));
    }

    /** The report's history, for those who may see the report. */
    @WithSession
    public Uni<List<ReportHistoryEntry>> history(UUID id, Caller caller) {
        return find(id, caller).chain(report -> reports.history(report.id));
    }

    /**
     * Whether the caller reads INTERNAL notes of the reports they may see: the officials (staff, supervisors,
     * inspectors for confidential reports, admin), not residents or lookouts.
     */
    public boolean readsInternalNotes(Caller caller) {
        return caller.is(Roles.STAFF) || caller.is(Roles.SUPERVISOR) || caller.is(Roles.INSPECTOR)
                || caller.is(Roles.ADMIN);
    }

    /** Whether the caller is the resident or lookout who filed the report. */
    boolean filedByCaller(Report report, Caller caller) {
        return report.filedByRef != null
                && (caller.is(Roles.RESIDENT) || caller.is(Roles.LOOKOUT))
                && report.filedByRef.equals(ReporterPseudonym.of(config.pseudonymKey(), caller.subject()));
    }
}
