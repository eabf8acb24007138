package org.lookout.cadre.official;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.audit.AuditEntry;
import org.lookout.audit.AuditTrail;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.Official;
import org.lookout.cadre.domain.OfficialChange;
import org.lookout.cadre.messaging.outgoing.CadreEvents;
import org.lookout.cadre.reference.Communities;
import org.lookout.contracts.OfficialStatus;
import org.lookout.contracts.RegistrationSource;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Officials living in a community: registered by inspectors (active at once) or by staff of the community (pending an
 * inspector's confirmation), edited and moved on by inspectors, every change in the history, announced (ids only) and
 * audited.
 */
@ApplicationScoped
public class OfficialService {

    private final OfficialRepository officials;
    private final OfficialAccess access;
    private final OfficialHistory history;
    private final OfficialChangeRepository changes;
    private final Communities communities;
    private final CadreEvents events;
    private final AuditTrail audit;
    private final CadreConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    OfficialService(OfficialRepository officials, OfficialAccess access, OfficialHistory history,
            OfficialChangeRepository changes, Communities communities, CadreEvents events, AuditTrail audit,
            CadreConfig config, ObjectMapper json, Clock clock) {
        this.officials = officials;
        this.access = access;
        this.history = history;
        this.changes = changes;
        this.communities = communities;
        this.events = events;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** 201: an inspector of the community's street registers (ACTIVE), its staff register (PENDING); 409 when known. */
    @WithTransaction
    public Uni<Official> register(Official.Form form, Caller caller) {
        return sourceFor(form.communityCode(), caller).chain(source -> officials
                .findByNaturalKey(Official.naturalKey(form.name(), form.employer(), form.communityCode()))
                .chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict(
                                "this official (name, employer, community) is registered already");
                    }
                    Official official = Official.register(form, source, clock.instant());
                    return officials.persist(official)
                            .chain(() -> history.registered(official, caller.subject(), role(caller),
                                    OfficialChange.REGISTERED))
                            .chain(() -> events.registered(official))
                            .chain(() -> audit.append(AuditEntry.of(caller, "REGISTER_OFFICIAL", target(official), null)))
                            .replaceWith(official);
                }));
    }

    /** Inspectors: every official of their streets; staff: name and post of their community's officials. */
    @WithSession
    public Uni<List<OfficialView>> list(Caller caller, boolean missingCommitment, int page) {
        boolean inspector = caller.is(Roles.INSPECTOR);
        Uni<List<String>> scope = inspector ? communities.inStreets(caller.streets())
                : Uni.createFrom().item(caller.community().map(List::of).orElse(List.of()));
        LocalDate registeredBefore = LocalDate.now(clock.withZone(config.zone())).minusDays(config.commitmentGraceDays());
        return scope.chain(codes -> codes.isEmpty() ? Uni.createFrom().item(List.<Official>of())
                : missingCommitment ? officials.missingCommitment(codes, registeredBefore, page, config.pageLimit())
                        : officials.inCommunities(codes, page, config.pageLimit()))
                .map(found -> found.stream().map(official -> inspector ? view(official, missingCommitment)
                        : OfficialView.nameAndPost(official)).toList());
    }

    @WithSession
    public Uni<OfficialView> get(UUID id, Caller caller) {
        return access.toSee(id, caller).chain(official -> caller.isStaffOf(official.communityCode)
                && !caller.is(Roles.INSPECTOR) ? Uni.createFrom().item(OfficialView.nameAndPost(official))
                        : Uni.createFrom().item(OfficialView.full(official)));
    }

    /** An inspector of the street changes the form; moving the official to another community needs that one in scope too. */
    @WithTransaction
    public Uni<Official> edit(UUID id, EditOfficialRequest request, Caller caller) {
        return access.toInspect(id, caller).chain(official -> officials.lock(official))
                .chain(official -> {
                    Official.Form form = request.mergedInto(official);
                    Uni<Void> target = form.communityCode().equals(official.communityCode) ? Uni.createFrom().voidItem()
                            : access.inspects(caller, form.communityCode()).invoke(allowed -> {
                                if (!allowed) {
                                    throw ProblemException.unprocessable("communityCode",
                                            "is not a community of your streets");
                                }
                            }).replaceWithVoid();
                    return target.chain(() -> {
                        Map<String, Official.Change> changed = official.edit(form, clock.instant());
                        return changed.isEmpty() ? Uni.createFrom().item(official) : recordChange(official, changed,
                                OfficialChange.EDITED, "EDIT_OFFICIAL", caller);
                    });
                });
    }

    /** Confirm a pending registration, record a transfer, retirement or death: the state table decides. */
    @WithTransaction
    public Uni<Official> changeStatus(UUID id, OfficialStatus status, String reason, Caller caller) {
        return access.toInspect(id, caller).chain(official -> officials.lock(official))
                .chain(official -> {
                    Official.Change change = official.moveTo(status, clock.instant());
                    return recordChange(official, Map.of("status", change, "reason", new Official.Change(null, reason)),
                            OfficialChange.STATUS_CHANGED, "CHANGE_OFFICIAL_STATUS", caller);
                });
    }

    @WithSession
    public Uni<List<OfficialChangeView>> history(UUID id, Caller caller) {
        return access.toInspect(id, caller).chain(official -> changes.of(official.id))
                .map(found -> found.stream().map(change -> OfficialChangeView.of(change, json)).toList());
    }

    private Uni<Official> recordChange(Official official, Map<String, Official.Change> changed, String action,
            String audited, Caller caller) {
        List<String> fields = changed.keySet().stream().filter(field -> !field.equals("reason")).toList();
        return history.record(official, official.updatedAt, caller.subject(), role(caller), action, changed)
                .chain(() -> events.changed(official, fields))
                .chain(() -> audit.append(AuditEntry.of(caller, audited, target(official), null)))
                .replaceWith(official);
    }

    private Uni<RegistrationSource> sourceFor(String communityCode, Caller caller) {
        return communities.streetOf(communityCode).map(street -> {
            if (street.isEmpty()) {
                throw ProblemException.unprocessable("communityCode", "is not a community of the registry");
            }
            if (street.filter(caller::isInspectorOf).isPresent()) {
                return RegistrationSource.INSPECTOR;
            }
            if (caller.isStaffOf(communityCode)) {
                return RegistrationSource.COMMUNITY_STAFF;
            }
            throw ProblemException.notFound("community " + communityCode);
        });
    }

    private static OfficialView view(Official official, boolean missingCommitment) {
        OfficialView full = OfficialView.full(official);
        return missingCommitment ? new OfficialView(full.id(), full.name(), full.post(), full.employer(), full.rank(),
                full.communityCode(), full.building(), full.phone(), full.registeredOn(), full.status(), full.source(),
                full.externalId(), true, full.updatedAt()) : full;
    }

    static String role(Caller caller) {
        return caller.actingRole().orElse(null);
    }

    static String target(Official official) {
        return "official " + official.id;
    }
}
