package org.lookout.complaint.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.complaint.domain.Channel;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportHistoryEntry;
import org.lookout.complaint.domain.ReportStatus;
import org.lookout.complaint.domain.TaxonomyItem;
import org.lookout.complaint.messaging.ComplaintEvents;
import org.lookout.complaint.repository.ReferenceDataRepository;
import org.lookout.complaint.repository.ReportRepository;
import org.lookout.complaint.repository.TrackingNumberRepository;
import org.lookout.complaint.service.DuplicateFinder.PossibleDuplicate;
import org.lookout.contracts.ReporterPseudonym;
import org.lookout.problem.Problem;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Intake on every channel: the report, its first history entry, its event, the anonymous tracking hash and the
 * encrypted reporter identity are stored in one transaction; the answer adds the possible duplicates.
 */
@ApplicationScoped
public class IntakeService {

    private final ReportRepository reports;
    private final ReferenceDataRepository referenceData;
    private final TrackingNumberRepository trackingNumbers;
    private final ComplaintEvents events;
    private final ComplaintConfig config;
    private final Clock clock;
    private final ReporterIdentityService identities;
    private final AnonymousTrackingService tracking;
    private final DuplicateFinder duplicates;

    IntakeService(ReportRepository reports, ReferenceDataRepository referenceData, TrackingNumberRepository trackingNumbers,
            ComplaintEvents events, ComplaintConfig config, Clock clock, ReporterIdentityService identities,
            AnonymousTrackingService tracking, DuplicateFinder duplicates) {
        this.reports = reports;
        this.referenceData = referenceData;
        this.trackingNumbers = trackingNumbers;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.identities = identities;
        this.tracking = tracking;
        this.duplicates = duplicates;
    }

    /** The stored report, what may be the same problem, and for an anonymous report its code and secret (else null). */
    public record Receipt(Report report, List<PossibleDuplicate> possibleDuplicates,
            TrackingCredentials.Issued tracking) {
    }

    @WithTransaction
    public Uni<Receipt> submit(@Valid SubmitReport command, Caller caller) {
        checkChannel(command.channel(), caller);
        checkCommunityScope(command.communityCode(), caller);
        checkCoordinates(command.location());
        checkReporterIdentity(command);
        return referenceData.item(command.itemCode())
                .onItem().ifNull().failWith(() -> ProblemException.unprocessable("itemCode", "is not a taxonomy item"))
                .invoke(item -> {
                    if (!item.active) {
                        throw ProblemException.unprocessable("itemCode", "is no longer offered for new reports");
                    }
                })
                .chain(item -> referenceData.community(command.communityCode())
                        .onItem().ifNull().failWith(() -> ProblemException.unprocessable("communityCode", "is not a community"))
                        .chain(community -> receive(command, caller, item)));
    }

    /**
     * The possible duplicates are looked up before the tracking number is drawn: drawing it locks the community's
     * counter row until commit, so everything that does not need the number stays outside the lock.
     */
    private Uni<Receipt> receive(SubmitReport command, Caller caller, TaxonomyItem item) {
        Instant now = clock.instant();
        int year = now.atZone(config.zone()).getYear();
        Report report = newReport(command, caller, item, now);
        return duplicates.of(report).chain(found -> trackingNumbers.next(command.communityCode(), year)
                .chain(sequence -> {
                    report.trackingNumber = "%s-%d-%06d".formatted(command.communityCode(), year, sequence);
                    return reports.persist(report)
                            .chain(saved -> reports.append(historyEntry(saved, caller)))
                            .chain(entry -> events.submitted(report))
                            .chain(() -> identities.keep(report.id, command.reporterName(), command.reporterPhone()))
                            .chain(() -> report.anonymous ? tracking.issue(report.id) : Uni.createFrom().nullItem())
                            .map(issued -> new Receipt(report, found, issued));
                }));
    }

    private Report newReport(SubmitReport command, Caller caller, TaxonomyItem item, Instant now) {
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.itemCode = item.code;
        report.categoryCode = item.categoryCode;
        report.communityCode = command.communityCode();
        report.title = command.title().strip();
        report.description = command.description().strip();
        report.channel = command.channel();
        report.status = ReportStatus.RECEIVED;
        report.anonymous = command.anonymous();
        report.confidential = item.confidential;
        report.filedByRef = command.anonymous() ? null : ReporterPseudonym.of(config.pseudonymKey(), caller.subject());
        report.filedByRole = filingRole(caller);
        report.address = command.location().address().strip();
        report.building = command.location().building();
        report.latitude = command.location().latitude();
        report.longitude = command.location().longitude();
        report.occurredAt = command.occurredAt();
        report.receivedAt = now;
        return report;
    }

    private static ReportHistoryEntry historyEntry(Report report, Caller caller) {
        ReportHistoryEntry entry = new ReportHistoryEntry();
        entry.reportId = report.id;
        entry.at = report.receivedAt;
        entry.toStatus = ReportStatus.RECEIVED;
        entry.actorRole = filingRole(caller);
        entry.note = "received via " + report.channel;
        return entry;
    }

    /** The role a report records as its filer: the most specific one the caller holds. */
    private static String filingRole(Caller caller) {
        if (caller.is(Roles.STAFF)) {
            return Roles.STAFF;
        }
        return caller.is(Roles.LOOKOUT) ? Roles.LOOKOUT : Roles.RESIDENT;
    }

    private static void checkChannel(Channel channel, Caller caller) {
        boolean allowed = caller.is(Roles.STAFF)
                ? Channel.RECORDED_BY_STAFF.contains(channel)
                : channel == Channel.WEB || channel == Channel.APP || channel == Channel.LOOKOUT && caller.is(Roles.LOOKOUT);
        if (!allowed) {
            throw ProblemException.unprocessable("channel", caller.is(Roles.STAFF)
                    ? "staff record reports that came by " + Channel.RECORDED_BY_STAFF
                    : "is not a channel you can file through");
        }
    }

    private static void checkCoordinates(SubmitReport.Location location) {
        if ((location.latitude() == null) != (location.longitude() == null)) {
            String missing = location.latitude() == null ? "location.latitude" : "location.longitude";
            throw ProblemException.badRequest(missing, "latitude and longitude are given together or not at all");
        }
    }

    /** A name and phone only come with a report that staff record for someone who is not anonymous. */
    private static void checkReporterIdentity(SubmitReport command) {
        boolean given = command.reporterName() != null || command.reporterPhone() != null;
        if (given && !Channel.RECORDED_BY_STAFF.contains(command.channel())) {
            throw ProblemException.unprocessable(command.reporterName() != null ? "reporterName" : "reporterPhone",
                    "is recorded only by staff for VISIT, PHONE and LETTER reports; your account identifies you");
        }
        if (given && command.anonymous()) {
            throw ProblemException.unprocessable(command.reporterName() != null ? "reporterName" : "reporterPhone",
                    "is not recorded for an anonymous report");
        }
    }

    private static void checkCommunityScope(String communityCode, Caller caller) {
        if (!caller.inCommunity(communityCode)) {
            throw new ProblemException(403, "Forbidden", "you can only file reports in your own community",
                    List.of(new Problem.FieldError("communityCode", "is not your community")));
        }
    }
}
