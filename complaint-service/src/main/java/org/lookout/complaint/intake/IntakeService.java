package org.lookout.complaint.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.community.CommunityFacts;
import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.domain.ReportHistoryEntry;
import org.lookout.complaint.domain.ReporterIdentity;
import org.lookout.complaint.domain.ReportStatus;
import org.lookout.complaint.identity.ReporterIdentityService;
import org.lookout.complaint.messaging.outgoing.ComplaintEvents;
import org.lookout.complaint.taxonomy.ItemFacts;
import org.lookout.complaint.tracking.AnonymousTrackingService;
import org.lookout.contracts.Channel;
import org.lookout.contracts.CloudEvent;
import org.lookout.problem.Problem;
import org.lookout.problem.ProblemException;
import org.lookout.problem.ProblemType;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Intake on every channel: the report, its first history entry, its event, the anonymous tracking hash and the
 * encrypted reporter identity are stored in one statement, all or nothing; the answer adds the possible duplicates. The item's and
 * the community's facts come from memory ({@link ItemFacts}, {@link CommunityFacts}).
 */
@ApplicationScoped
public class IntakeService {

    /** Staff record what came in person, by phone or by letter; residents and lookouts file for themselves. */
    static final Set<Channel> RECORDED_BY_STAFF = EnumSet.of(Channel.VISIT, Channel.PHONE, Channel.LETTER);

    private final ReportAccess access;
    private final ItemFacts items;
    private final CommunityFacts communities;
    private final IntakeRepository intakes;
    private final ComplaintEvents events;
    private final ComplaintConfig config;
    private final Clock clock;
    private final ReporterIdentityService identities;
    private final AnonymousTrackingService tracking;
    private final DuplicateFinder duplicates;

    IntakeService(ReportAccess access, ItemFacts items, CommunityFacts communities, IntakeRepository intakes,
            ComplaintEvents events, ComplaintConfig config, Clock clock, ReporterIdentityService identities,
            AnonymousTrackingService tracking, DuplicateFinder duplicates) {
        this.access = access;
        this.items = items;
        this.communities = communities;
        this.intakes = intakes;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.identities = identities;
        this.tracking = tracking;
        this.duplicates = duplicates;
    }

    /**
     * A report filed through the API. No session is opened: the item and community come from memory (a miss opens
     * one for its lookup), and the duplicates query and the intake statement run on the pool
     * ({@link NamedStatement}), the latter committing by itself.
     */
    public Uni<ReceiptView> submit(@Valid SubmitReportRequest request, Caller caller) {
        checkChannel(request.channel(), caller);
        checkCommunityScope(request.communityCode(), caller);
        checkCoordinates(request.location());
        checkReporterIdentity(request);
        return items.of(request.itemCode())
                .onItem().ifNull().failWith(() -> ProblemException.unprocessable("itemCode", "is not a taxonomy item"))
                .invoke(item -> {
                    if (!item.active()) {
                        throw ProblemException.unprocessable("itemCode", "is no longer offered for new reports");
                    }
                })
                .chain(item -> communities.of(request.communityCode())
                        .onItem().ifNull().failWith(() -> ProblemException.unprocessable("communityCode", "is not a community"))
                        .invoke(community -> {
                            if (!community.active()) {
                                throw ProblemException.unprocessable("communityCode", "no longer takes new reports");
                            }
                        })
                        .chain(community -> receive(request, request.anonymous() ? null : access.pseudonymOf(caller),
                                caller.actingRole().orElse(Roles.RESIDENT), item, true)));
    }

    /**
     * Intake for a system that files on someone's behalf without their account (Open311): the same report, history,
     * event, encrypted identity and duplicates hint as every channel, in the caller's transaction. No account files it,
     * so it has no filer pseudonym; {@code filedByRole} names the system in the history. The caller has checked the
     * request against its own rules, and that item and community take new reports.
     */
    @WithTransaction
    public Uni<ReceiptView> submitOnBehalf(@Valid SubmitReportRequest request, String filedByRole) {
        checkCoordinates(request.location());
        return items.of(request.itemCode())
                .onItem().ifNull().failWith(() -> ProblemException.unprocessable("itemCode", "is not a taxonomy item"))
                .chain(item -> receive(request, null, filedByRole, item, false));
    }

    /**
     * The possible duplicates are looked up first; then one statement ({@link IntakeRepository}) draws the tracking
     * number and stores the report, its first history entry, its event and — when it has them — the encrypted identity
     * and the anonymous tracking hash. {@code standalone} ({@link #submit}) both run on the pool and that statement
     * commits by itself, so the community's counter row is locked only while PostgreSQL runs and commits it, never
     * across a round trip; otherwise ({@link #submitOnBehalf}) in the caller's transaction, until that commits.
     */
    private Uni<ReceiptView> receive(SubmitReportRequest request, String filedByRef, String filedByRole,
            ItemFacts.Item item, boolean standalone) {
        Instant now = clock.instant();
        int year = now.atZone(config.zone()).getYear();
        Report report = newReport(request, filedByRef, filedByRole, item, now);
        ReportHistoryEntry first = ReportHistoryEntry.change(report.id, null, ReportStatus.RECEIVED, report.filedByRole,
                "received via " + report.channel, report.receivedAt);
        ReporterIdentity identity = identities.sealed(report.id, request.reporterName(), request.reporterPhone());
        AnonymousTrackingService.Prepared issued = report.anonymous ? tracking.prepare(report.id) : null;
        return duplicates.of(report, standalone).chain(found -> {
            report.trackingNumber = IntakeRepository.PROVISIONAL_NUMBER;
            CloudEvent submitted = events.submittedEvent(report);
            return intakes.receive(report, first, submitted, year, identity, issued == null ? null : issued.row(),
                    standalone)
                    .map(number -> {
                        report.trackingNumber = number;
                        return ReceiptView.of(report, found, issued == null ? null : issued.credentials());
                    });
        });
    }

    private Report newReport(SubmitReportRequest request, String filedByRef, String filedByRole, ItemFacts.Item item,
            Instant now) {
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.itemCode = item.code();
        report.categoryCode = item.categoryCode();
        report.communityCode = request.communityCode();
        report.title = request.title().strip();
        report.description = request.description().strip();
        report.channel = request.channel();
        report.status = ReportStatus.RECEIVED;
        report.anonymous = request.anonymous();
        // copied, so a later edit of the item does not change who may see the reports filed before it
        report.confidential = item.confidential();
        report.filedByRef = filedByRef;
        report.filedByRole = filedByRole;
        report.address = request.location().address().strip();
        report.building = request.location().building();
        report.latitude = request.location().latitude();
        report.longitude = request.location().longitude();
        report.occurredAt = request.occurredAt();
        report.receivedAt = now;
        return report;
    }

    private static void checkChannel(Channel channel, Caller caller) {
        boolean allowed = caller.is(Roles.STAFF)
                ? RECORDED_BY_STAFF.contains(channel)
                : channel == Channel.WEB || channel == Channel.APP || channel == Channel.LOOKOUT && caller.is(Roles.LOOKOUT);
        if (!allowed) {
            throw ProblemException.unprocessable("channel", caller.is(Roles.STAFF)
                    ? "staff record reports that came by " + RECORDED_BY_STAFF
                    : "is not a channel you can file through");
        }
    }

    private static void checkCoordinates(SubmitReportRequest.Location location) {
        if ((location.latitude() == null) != (location.longitude() == null)) {
            String missing = location.latitude() == null ? "location.latitude" : "location.longitude";
            throw ProblemException.badRequest(missing, "latitude and longitude are given together or not at all");
        }
    }

    /** A name and phone only come with a report that staff record for someone who is not anonymous. */
    private static void checkReporterIdentity(SubmitReportRequest request) {
        boolean given = request.reporterName() != null || request.reporterPhone() != null;
        String field = request.reporterName() != null ? "reporterName" : "reporterPhone";
        if (given && !RECORDED_BY_STAFF.contains(request.channel())) {
            throw ProblemException.unprocessable(field,
                    "is recorded only by staff for VISIT, PHONE and LETTER reports; your account identifies you");
        }
        if (given && request.anonymous()) {
            throw ProblemException.unprocessable(field, "is not recorded for an anonymous report");
        }
    }

    private static void checkCommunityScope(String communityCode, Caller caller) {
        if (!caller.inCommunity(communityCode)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "you can only file reports in your own community",
                    List.of(new Problem.FieldError("communityCode", "is not your community")));
        }
    }
}
