package org.lookout.escalation.escalation;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.agency.AgencyFinder;
import org.lookout.escalation.clock.SlaClockService;
import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationScope;
import org.lookout.escalation.reference.ReferenceData;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Staff of a report's community or a supervisor of its street copy it to an agency for information (抄送, the 低保 case:
 * civil affairs is told while the community visits): an escalation with one part of kind INFORM, no deadline, which
 * changes neither the report's state nor its clocks (complaint-service records it as history only). The agency must be
 * active and must not already have an open part of the report (409).
 */
@ApplicationScoped
public class InformAgency {

    private final EscalationOpener opener;
    private final EscalationPartRepository parts;
    private final SlaClockService clocks;
    private final ReferenceData references;
    private final AgencyFinder agencies;
    private final Clock clock;

    InformAgency(EscalationOpener opener, EscalationPartRepository parts, SlaClockService clocks,
            ReferenceData references, AgencyFinder agencies, Clock clock) {
        this.opener = opener;
        this.parts = parts;
        this.clocks = clocks;
        this.references = references;
        this.agencies = agencies;
        this.clock = clock;
    }

    public Uni<Escalation> inform(InformAgencyRequest request, Caller caller) {
        return Panache.withTransaction(() -> clocks.report(request.reportId()).chain(known -> {
            var report = known.orElseThrow(() -> ProblemException.unprocessable("reportId",
                    "is not a report known to escalation-service"));
            return references.knownStreetOf(report.communityCode()).chain(street -> {
                if (!EscalationScope.worksOn(caller, report, street)) {
                    throw ProblemException.notFound("report " + request.reportId());
                }
                return agencies.active(request.agency()).chain(found -> {
                    var agency = found.orElseThrow(() -> ProblemException.unprocessable("agency",
                            "is not an active agency of the directory"));
                    return parts.activeOf(report.reportId(), agency.code).chain(already -> {
                        if (already) {
                            throw ProblemException.conflict("agency " + agency.code + " already has an open part of"
                                    + " report " + report.reportId());
                        }
                        return opener.inform(report, street, agency, request.reason(), clock.instant(),
                                caller.subject());
                    });
                });
            });
        }));
    }
}
