package org.lookout.escalation.escalation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.EscalationTrigger;
import org.lookout.escalation.agency.AgencyFinder;
import org.lookout.escalation.clock.SlaClockService;
import org.lookout.escalation.domain.Agency;
import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationScope;
import org.lookout.escalation.reference.ReferenceData;
import org.lookout.problem.ProblemException;
import org.lookout.problem.SqlStates;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Escalations staff or a supervisor decide: a report this service knows (from its clocks), within the caller's scope,
 * to agencies of the directory that are active, one of them leading. A report with an open manual escalation gets no
 * second one (409).
 */
@ApplicationScoped
public class ManualEscalations {

    private final EscalationOpener opener;
    private final SlaClockService clocks;
    private final ReferenceData references;
    private final AgencyFinder agencies;
    private final Clock clock;

    ManualEscalations(EscalationOpener opener, SlaClockService clocks, ReferenceData references, AgencyFinder agencies,
            Clock clock) {
        this.opener = opener;
        this.clocks = clocks;
        this.references = references;
        this.agencies = agencies;
        this.clock = clock;
    }

    public Uni<Escalation> open(OpenEscalationRequest request, Caller caller) {
        String lead = leadOf(request);
        return Panache.withTransaction(() -> clocks.report(request.reportId()).chain(known -> {
            var report = known.orElseThrow(() -> ProblemException.unprocessable("reportId",
                    "is not a report known to escalation-service"));
            return references.knownStreetOf(report.communityCode()).chain(street -> {
                if (!EscalationScope.worksOn(caller, report, street)) {
                    throw ProblemException.notFound("report " + request.reportId());
                }
                return addressees(request.agencies()).chain(addressed -> opener.open(new Escalation.Opening(report,
                        street, EscalationTrigger.MANUAL, request.reason(), addressed,
                        addressed.stream().filter(agency -> agency.code.equals(lead)).findFirst().orElseThrow(),
                        request.dueInWorkingDays(), clock.instant(), caller.subject())));
            });
        })).onFailure(SqlStates::isUniqueViolation).transform(raced -> alreadyOpen(request))
                .map(opened -> opened.orElseThrow(() -> alreadyOpen(request)));
    }

    /** Also when two requests raced past the check and the unique index of open escalations per trigger stopped one. */
    private static ProblemException alreadyOpen(OpenEscalationRequest request) {
        return ProblemException.conflict("report " + request.reportId() + " already has an open manual escalation");
    }

    /** The lead: the one agency, or the one named, which must be among them. */
    private static String leadOf(OpenEscalationRequest request) {
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

    /** The named agencies in the order given; each must exist and be active (422 naming it). */
    private Uni<List<Agency>> addressees(List<String> codes) {
        Uni<List<Agency>> found = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < codes.size(); i++) {
            String field = "agencies[" + i + "]";
            String code = codes.get(i);
            found = found.chain(list -> agencies.active(code).map(agency -> {
                list.add(agency.orElseThrow(() -> ProblemException.unprocessable(field,
                        "is not an active agency of the directory")));
                return list;
            }));
        }
        return found;
    }
}
