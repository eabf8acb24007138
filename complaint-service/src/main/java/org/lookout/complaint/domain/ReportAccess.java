package org.lookout.complaint.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.audit.SensitiveReads;
import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.contracts.ReporterPseudonym;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Who may do what with a report, in one place, on the {@link Caller} scope predicates. Read: the resident or lookout who
 * filed it, staff of its community, supervisors of its street, admin; a confidential report (about an official) only
 * inspectors, admin and the filer. Handle (the lifecycle commands): staff of its community, admin. Work (wait for the
 * reporter, notes): also supervisors of its street. Rate: only the filer. See the reporter's identity: those who work
 * it, or inspectors when it is confidential — never admin. A report the caller may not read is answered as absent (404),
 * so ids cannot be probed; one the caller may read but not act on is absent for that action too.
 */
@ApplicationScoped
public class ReportAccess {

    private final ReportRepository reports;
    private final ComplaintConfig config;
    private final SensitiveReads sensitiveReads;

    ReportAccess(ReportRepository reports, ComplaintConfig config, SensitiveReads sensitiveReads) {
        this.reports = reports;
        this.config = config;
        this.sensitiveReads = sensitiveReads;
    }

    /**
     * The report, for a caller who may read it; an inspector's read of a confidential one needs its reason and is
     * audited ({@link SensitiveReads}).
     */
    @WithSession
    public Uni<Report> toRead(UUID id, Caller caller) {
        return reports.findById(id).chain(report -> readable(report, caller))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("report " + id))
                .call(report -> sensitiveReads.reportRead(report.id, report.confidential, caller));
    }

    /** The report with this tracking number, for a caller who may read it. */
    @WithSession
    public Uni<Report> toReadByTrackingNumber(String trackingNumber, Caller caller) {
        return reports.withTrackingNumber(trackingNumber).chain(report -> readable(report, caller))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("report " + trackingNumber));
    }

    /**
     * The reports a caller's worklist holds (ARCHITECTURE §2): staff the reports of their community, supervisors those
     * of their street's communities, inspectors the confidential reports of their streets, admin all; residents and
     * lookouts the reports they filed. Staff and supervisors never list a confidential report (they cannot read one);
     * inspectors list only confidential ones. Empty for a role that has no worklist (agency, app backend).
     */
    public Optional<WorklistScope> worklistOf(Caller caller) {
        String role = caller.actingRole().orElse("");
        return Optional.ofNullable(switch (role) {
            case Roles.ADMIN -> WorklistScope.everything();
            case Roles.STAFF -> caller.community().map(WorklistScope::community).orElse(null);
            case Roles.SUPERVISOR -> WorklistScope.streets(Set.copyOf(caller.streets()), false);
            case Roles.INSPECTOR -> WorklistScope.streets(Set.copyOf(caller.streets()), true);
            case Roles.RESIDENT, Roles.LOOKOUT -> WorklistScope.filer(pseudonymOf(caller));
            default -> null;
        });
    }

    /**
     * What a worklist may list, as the repository turns it into SQL: everything, one community, the communities of some
     * streets (confidential reports only, for inspectors; never, for everyone else), or the reports one account filed.
     */
    public record WorklistScope(Kind kind, String community, Set<String> streets, String filerRef) {

        public enum Kind {
            EVERYTHING, COMMUNITY, STREETS, CONFIDENTIAL_OF_STREETS, FILER
        }

        static WorklistScope everything() {
            return new WorklistScope(Kind.EVERYTHING, null, Set.of(), null);
        }

        static WorklistScope community(String community) {
            return new WorklistScope(Kind.COMMUNITY, community, Set.of(), null);
        }

        static WorklistScope streets(Set<String> streets, boolean confidential) {
            return new WorklistScope(confidential ? Kind.CONFIDENTIAL_OF_STREETS : Kind.STREETS, null, streets, null);
        }

        static WorklistScope filer(String filerRef) {
            return new WorklistScope(Kind.FILER, null, Set.of(), filerRef);
        }

        /** Whether a community filter may name {@code community} of {@code street}. */
        public boolean admits(String community, String street) {
            return switch (kind) {
                case EVERYTHING, FILER -> true;
                case COMMUNITY -> this.community.equals(community);
                case STREETS, CONFIDENTIAL_OF_STREETS -> streets.contains(street);
            };
        }
    }

    private Uni<Report> readable(Report report, Caller caller) {
        if (report == null) {
            return Uni.createFrom().nullItem();
        }
        String callerRef = pseudonymOf(caller);
        return streetIfNeeded(report, caller).map(street -> mayRead(caller, callerRef, report, street) ? report : null);
    }

    /** The report, for staff of its community and admin: the lifecycle commands. */
    public Uni<Report> toHandle(UUID id, Caller caller) {
        return toRead(id, caller).invoke(report -> refuseUnless(mayHandle(caller, report), "report " + id));
    }

    /** The report, for staff of its community, supervisors of its street and admin: waiting for the reporter, notes. */
    public Uni<Report> toWork(UUID id, Caller caller) {
        return toRead(id, caller).invoke(report -> refuseUnless(mayWork(caller, report), "report " + id));
    }

    /** The report, for the resident or lookout who filed it: the rating. */
    public Uni<Report> toRate(UUID id, Caller caller) {
        return toRead(id, caller).invoke(report -> refuseUnless(filedBy(report, caller), "report " + id));
    }

    /** The report, for those who may read the reporter's recorded name and phone. */
    public Uni<Report> toSeeIdentity(UUID id, Caller caller) {
        return toRead(id, caller).chain(report -> streetIfNeeded(report, caller).invoke(
                street -> refuseUnless(maySeeIdentity(caller, report, street), "reporter of report " + id))
                .replaceWith(report));
    }

    /** Whether the caller is the resident or lookout who filed the report (an anonymous report has no filer). */
    public boolean filedBy(Report report, Caller caller) {
        return isFiler(caller, pseudonymOf(caller), report);
    }

    /** The keyed pseudonym a report stores of the account that filed it. */
    public String pseudonymOf(Caller caller) {
        return pseudonymOfSubject(caller.subject());
    }

    /** The keyed pseudonym of an account known by its subject (a lookout's account, found in the realm). */
    public String pseudonymOfSubject(String subject) {
        return ReporterPseudonym.of(config.pseudonymKey(), subject);
    }

    /** Officials read INTERNAL notes of the reports they may see; residents and lookouts do not. */
    public static boolean readsInternalNotes(Caller caller) {
        return caller.is(Roles.STAFF) || caller.is(Roles.SUPERVISOR) || caller.is(Roles.INSPECTOR)
                || caller.is(Roles.ADMIN);
    }

    /** Whether the caller reads every report of a community (its ledger, its statistics). */
    public static boolean seesCommunity(Caller caller, String community, String street) {
        return caller.is(Roles.ADMIN) || caller.worksIn(community, street);
    }

    /** Whether the caller handles the reports of a community (the lifecycle commands, its actions and lookouts). */
    public static boolean handlesCommunity(Caller caller, String community) {
        return caller.is(Roles.ADMIN) || caller.isStaffOf(community);
    }

    /** Whether the caller reads the figures of a whole street. */
    public static boolean seesStreet(Caller caller, String street) {
        return caller.is(Roles.ADMIN) || caller.isSupervisorOf(street);
    }

    // -- the rules, on one report whose community lies in {@code street}

    static boolean mayRead(Caller caller, String callerRef, Report report, String street) {
        return caller.is(Roles.ADMIN)
                || (report.confidential ? caller.is(Roles.INSPECTOR) : caller.worksIn(report.communityCode, street))
                || isFiler(caller, callerRef, report);
    }

    static boolean mayHandle(Caller caller, Report report) {
        return caller.is(Roles.ADMIN) || !report.confidential && caller.isStaffOf(report.communityCode);
    }

    /** On top of reading it; supervisors read only the reports of their own street. */
    static boolean mayWork(Caller caller, Report report) {
        return mayHandle(caller, report) || !report.confidential && caller.is(Roles.SUPERVISOR);
    }

    static boolean maySeeIdentity(Caller caller, Report report, String street) {
        return !caller.is(Roles.ADMIN) && (report.confidential ? caller.is(Roles.INSPECTOR)
                : caller.worksIn(report.communityCode, street));
    }

    static boolean isFiler(Caller caller, String callerRef, Report report) {
        return report.filedByRef != null && caller.isReporter() && report.filedByRef.equals(callerRef);
    }

    /** Only a supervisor's access depends on the street: the lookup is spared for everybody else. */
    private Uni<String> streetIfNeeded(Report report, Caller caller) {
        return caller.is(Roles.SUPERVISOR) ? reports.streetOf(report) : Uni.createFrom().nullItem();
    }

    private static void refuseUnless(boolean allowed, String what) {
        if (!allowed) {
            throw ProblemException.notFound(what);
        }
    }
}
