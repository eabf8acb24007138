package org.lookout.complaint.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.complaint.domain.Lookout;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The lookout roster (监督员队伍) of a community: staff of the community (and admin) appoint, edit and retire lookouts
 * and register the community's buildings; supervisors of its street read it. The account in Keycloak follows
 * through {@link AccountSync}. Outside the caller's scope a lookout or community is answered as absent (404).
 */
@ApplicationScoped
public class RosterService {

    private final RosterRepository roster;
    private final Clock clock;
    private final ZoneId zone;

    RosterService(RosterRepository roster, Clock clock, ComplaintConfig config) {
        this.roster = roster;
        this.clock = clock;
        this.zone = config.zone();
    }

    @WithSession
    public Uni<List<LookoutView>> list(String community, String active, Caller caller) {
        Boolean onlyActive = flag(active);
        return readable(community, caller).chain(code -> roster.ofCommunity(code, onlyActive)).chain(this::views);
    }

    @WithSession
    public Uni<LookoutView> find(UUID id, Caller caller) {
        return roster.findById(id)
                .chain(lookout -> lookout == null ? Uni.createFrom().<Lookout> nullItem()
                        : readable(lookout.communityCode, caller).replaceWith(lookout)
                                .onFailure(ProblemException.class).recoverWithNull())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("lookout " + id))
                .chain(this::view);
    }

    @WithTransaction
    public Uni<LookoutView> appoint(@Valid AppointLookoutRequest request, Caller caller) {
        String community = request.communityCode() != null ? request.communityCode()
                : caller.community().orElseThrow(() -> ProblemException.badRequest("communityCode", "is required"));
        LocalDate on = request.appointedOn() != null ? request.appointedOn() : today();
        if (on.isAfter(today())) {
            throw ProblemException.badRequest("appointedOn", "must not be in the future");
        }
        return handled(community, caller)
                .chain(code -> roster.activeAppointmentOf(request.username()))
                .chain(appointed -> {
                    if (appointed) {
                        throw ProblemException.conflict("the account is already an active lookout; retire that"
                                + " appointment first");
                    }
                    Lookout lookout = Lookout.appoint(community, request.username(), request.name().strip(),
                            request.kind(), buildings(request.buildings()), on, clock.instant());
                    return roster.persist(lookout);
                })
                .chain(this::view);
    }

    @WithTransaction
    public Uni<LookoutView> edit(UUID id, @Valid EditLookoutRequest request, Caller caller) {
        return toHandle(id, caller)
                .invoke(lookout -> lookout.edit(request.name().strip(), request.kind(), buildings(request.buildings())))
                .chain(this::view);
    }

    @WithTransaction
    public Uni<LookoutView> retire(UUID id, RetireLookoutRequest request, Caller caller) {
        LocalDate on = request == null || request.retiredOn() == null ? today() : request.retiredOn();
        if (on.isAfter(today())) {
            throw ProblemException.badRequest("retiredOn", "must not be in the future");
        }
        return toHandle(id, caller).invoke(lookout -> lookout.retire(on, clock.instant())).chain(this::view);
    }

    @WithSession
    public Uni<BuildingsView> buildings(String community, Caller caller) {
        return readable(community, caller).chain(this::buildingsOf);
    }

    @WithTransaction
    public Uni<BuildingsView> registerBuildings(String community, @Valid RegisterBuildingsRequest request,
            Caller caller) {
        String code = community != null && !community.isBlank() ? community : caller.community().orElseThrow(
                () -> ProblemException.badRequest("community", "is required"));
        return handled(code, caller).chain(checked -> roster.registerBuildings(checked, buildings(request.buildings())))
                .chain(() -> buildingsOf(code));
    }

    private Uni<BuildingsView> buildingsOf(String community) {
        return roster.buildings(community).chain(all -> roster.uncovered(community)
                .map(uncovered -> new BuildingsView(community, all, uncovered)));
    }

    private Uni<LookoutView> view(Lookout lookout) {
        return roster.activity(List.of(lookout.id), monthStart())
                .map(activity -> LookoutView.of(lookout, activity.getOrDefault(lookout.id,
                        RosterRepository.Activity.NONE)));
    }

    private Uni<List<LookoutView>> views(List<Lookout> lookouts) {
        return roster.activity(lookouts.stream().map(lookout -> lookout.id).toList(), monthStart())
                .map((Map<UUID, RosterRepository.Activity> activity) -> lookouts.stream()
                        .map(lookout -> LookoutView.of(lookout, activity.getOrDefault(lookout.id,
                                RosterRepository.Activity.NONE)))
                        .toList());
    }

    private Uni<Lookout> toHandle(UUID id, Caller caller) {
        return roster.findById(id).invoke(lookout -> {
            if (lookout == null || !ReportAccess.handlesCommunity(caller, lookout.communityCode)) {
                throw ProblemException.notFound("lookout " + id);
            }
        });
    }

    /** The community whose roster the caller reads: staff their own by default; 404 outside the caller's scope. */
    private Uni<String> readable(String community, Caller caller) {
        String code = community != null && !community.isBlank() ? community : caller.community().orElseThrow(
                () -> ProblemException.badRequest("community", "is required"));
        checkCode(code);
        return roster.community(code).map(found -> {
            if (found == null || !ReportAccess.seesCommunity(caller, code, found.streetCode)) {
                throw ProblemException.notFound("community " + code);
            }
            return code;
        });
    }

    /** A community whose roster the caller changes: its staff and admin; 404 otherwise. */
    private Uni<String> handled(String community, Caller caller) {
        checkCode(community);
        return roster.community(community).map(found -> {
            if (found == null || !ReportAccess.handlesCommunity(caller, community)) {
                throw ProblemException.notFound("community " + community);
            }
            return community;
        });
    }

    private static void checkCode(String community) {
        if (!community.matches("[A-Za-z0-9]{1,8}")) {
            throw ProblemException.badRequest("community", "is not a community code");
        }
    }

    private static List<String> buildings(List<String> buildings) {
        return buildings.stream().map(String::strip).distinct().sorted().toList();
    }

    private static Boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badRequest("active", "must be true or false");
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private Instant monthStart() {
        return today().withDayOfMonth(1).atStartOfDay(zone).toInstant();
    }
}
