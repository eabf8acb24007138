package org.lookout.escalation.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.domain.Agency;
import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationTrigger;
import org.lookout.escalation.domain.SlaClock;
import org.lookout.escalation.repository.AgencyRepository;
import org.lookout.escalation.repository.CommunityRepository;
import org.lookout.escalation.repository.SlaClockRepository;
import org.lookout.problem.ProblemException;
import org.lookout.problem.SqlStates;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Escalations staff or a supervisor decide: a report this service knows (from its clocks), within the caller's scope,
 * to agencies of the directory that are active, one of them leading. A report with an open manual escalation gets no
 * second one (409).
 */
@ApplicationScoped
public class ManualEscalations {

    /** What a person asks for; the fields are checked for shape by the REST layer. */
    public record Request(UUID reportId, List<String> agencies, String lead, String reason, int dueInWorkingDays) {
    }

    private final EscalationOpener opener;
    private final SlaClockRepository clocks;
    private final CommunityRepository communities;
    private final AgencyRepository agencies;
    private final Clock clock;

    ManualEscalations(EscalationOpener opener, SlaClockRepository clocks, CommunityRepository communities,
            AgencyRepository agencies, Clock clock) {
        this.opener = opener;
        this.clocks = clocks;
        this.communities = communities;
        this.agencies = agencies;
        this.clock = clock;
    }

    public Uni<Escalation> open(Request request, Caller caller) {
        String lead = leadOf(request);
        return Panache.withTransaction(() -> clocks.ofReport(request.reportId()).chain(found -> {
            if (found.isEmpty()) {
                throw ProblemException.unprocessable("reportId", "is not a report known to escalation-service");
            }
            SlaClock report = found.getFirst();
            return communities.streetOf(report.communityCode).chain(street -> {
                if (!inScope(caller, report, street)) {
                    throw ProblemException.notFound("report " + request.reportId());
                }
                return addressees(request.agencies()).chain(addressed -> opener.open(new EscalationOpener.Opening(
                        report.reportId, report.itemCode, report.communityCode, street, report.confidential,
                        EscalationTrigger.MANUAL, request.reason(), addressed,
                        addressed.stream().filter(agency -> agency.code.equals(lead)).findFirst().orElseThrow(),
                        request.dueInWorkingDays(), clock.instant(), caller.subject())));
            });
        })).onFailure(SqlStates::isUniqueViolation).transform(raced -> alreadyOpen(request))
                .map(opened -> opened.orElseThrow(() -> alreadyOpen(request)));
    }

    /** Also when two requests raced past the check and the unique index of open escalations per trigger stopped one. */
    private static ProblemException alreadyOpen(Request request) {
        return ProblemException.conflict("report " + request.reportId() + " already has an open manual escalation");
    }

    /** The lead: the one agency, or the one named, which must be among them. */
    private static String leadOf(Request request) {
        if (new HashSet<>(request.agencies()).size() != request.agencies().size()) {
            throw ProblemException.badRequest("agencies", "must not name an agency twice");
        }
        if (request.lead() == null) {
            if (request.agencies().size() > 1) {
                throw ProblemException.badRequest("lead", "is required when more than one agency is named");
            }
            return request.agencies().getFirst();
        }
        if (!request.agencies().contains(request.lead())) {
            throw ProblemException.badRequest("lead", "must be one of agencies");
        }
        return request.lead();
    }

    /** Staff of the report's community, supervisors of its street; reports about officials are not theirs. */
    private static boolean inScope(Caller caller, SlaClock report, String street) {
        if (report.confidential) {
            return false;
        }
        return caller.is(Roles.STAFF) && caller.inCommunity(report.communityCode)
                || caller.is(Roles.SUPERVISOR) && street != null && caller.inStreet(street);
    }

    /** The named agencies in the order given; each must exist and be active (422 naming it). */
    private Uni<List<Agency>> addressees(List<String> codes) {
        Uni<List<Agency>> found = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < codes.size(); i++) {
            String field = "agencies[" + i + "]";
            String code = codes.get(i);
            found = found.chain(list -> agencies.findById(code).map(agency -> {
                if (agency == null || !agency.active) {
                    throw ProblemException.unprocessable(field, "is not an active agency of the directory");
                }
                list.add(agency);
                return list;
            }));
        }
        return found;
    }
}
