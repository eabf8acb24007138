package org.lookout.escalation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.contracts.ComplaintStatusChanged;
import org.lookout.contracts.TipOffForwarded;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.Agency;
import org.lookout.escalation.domain.AgencyKind;
import org.lookout.escalation.domain.ClockKind;
import org.lookout.escalation.domain.EscalationTrigger;
import org.lookout.escalation.domain.ItemPolicy;
import org.lookout.escalation.domain.SlaClock;
import org.lookout.escalation.repository.AgencyRepository;
import org.lookout.escalation.repository.CommunityRepository;
import org.lookout.escalation.repository.ItemPolicyRepository;
import org.lookout.escalation.repository.SlaClockRepository;

import io.smallrye.mutiny.Uni;

/**
 * The escalations nobody has to decide (ARCHITECTURE §6), each in the transaction of what triggered it: a breached
 * response clock goes to the street office, an item marked for immediate escalation goes to its agencies on
 * acceptance, a forwarded tip-off about an official goes to the discipline commission (the level above when the accused
 * heads it). A trigger without an agency to go to is logged (references only) and opens nothing.
 */
@ApplicationScoped
public class AutomaticEscalations {

    /** Tip-offs are about officials; the item a tip-off without one is filed under. */
    static final String TIP_OFF_ITEM = "cadre-conduct";

    private static final Logger LOG = Logger.getLogger(AutomaticEscalations.class);

    private final EscalationOpener opener;
    private final AgencyFinder finder;
    private final AgencyRepository agencies;
    private final ItemPolicyRepository policies;
    private final CommunityRepository communities;
    private final SlaClockRepository clocks;
    private final EscalationConfig config;

    AutomaticEscalations(EscalationOpener opener, AgencyFinder finder, AgencyRepository agencies,
            ItemPolicyRepository policies, CommunityRepository communities, SlaClockRepository clocks,
            EscalationConfig config) {
        this.opener = opener;
        this.finder = finder;
        this.agencies = agencies;
        this.policies = policies;
        this.communities = communities;
        this.clocks = clocks;
        this.config = config;
    }

    /**
     * A clock breached (in the sweep's transaction): a response clock escalates to its street's office. Not a report
     * about an official: the street must not read it, it reaches the discipline commission as a forwarded tip-off.
     */
    public Uni<Void> onBreached(SlaClock clock, String streetCode, Instant now) {
        if (clock.kind != ClockKind.RESPONSE || clock.confidential) {
            return Uni.createFrom().voidItem();
        }
        if (streetCode == null) {
            LOG.warnf("report %s: community %s has no street; breach not escalated", clock.reportId,
                    clock.communityCode);
            return Uni.createFrom().voidItem();
        }
        return agencies.active(AgencyKind.STREET_OFFICE, streetCode).chain(offices -> {
            if (offices.isEmpty()) {
                LOG.warnf("report %s: no active street office for street %s; breach not escalated", clock.reportId,
                        streetCode);
                return Uni.createFrom().voidItem();
            }
            Agency office = offices.getFirst();
            return opener.open(new EscalationOpener.Opening(clock.reportId, clock.itemCode, clock.communityCode,
                    streetCode, clock.confidential, EscalationTrigger.RESPONSE_BREACHED, null, List.of(office), office,
                    config.breachEscalationWorkingDays(), now, null)).replaceWithVoid();
        });
    }

    /** A report was accepted (in the consumer's transaction): an item marked for it escalates at once. */
    public Uni<Void> onAccepted(ComplaintStatusChanged accepted) {
        return policies.findById(accepted.itemCode()).chain(policy -> {
            if (policy == null || policy.immediateAgencyKinds == null) {
                return Uni.createFrom().voidItem();
            }
            return communities.streetOf(accepted.communityCode()).chain(street -> agenciesFor(policy, street)
                    .chain(found -> openImmediate(accepted, policy, street, found)));
        });
    }

    private Uni<Void> openImmediate(ComplaintStatusChanged accepted, ItemPolicy policy, String street,
            List<Agency> found) {
        if (found.isEmpty()) {
            LOG.warnf("report %s: no active agency of %s for item %s; not escalated", accepted.reportId(),
                    policy.immediateAgencyKinds, accepted.itemCode());
            return Uni.createFrom().voidItem();
        }
        Agency lead = found.stream().filter(agency -> agency.kind == policy.immediateLeadKind).findFirst()
                .orElse(found.getFirst());
        return opener.open(new EscalationOpener.Opening(accepted.reportId(), accepted.itemCode(),
                accepted.communityCode(), street, accepted.confidential(), EscalationTrigger.IMMEDIATE, null, found,
                lead, policy.resolutionWorkingDays, accepted.changedAt(), null)).replaceWithVoid();
    }

    /** One agency per kind of the policy (the lead's kind first), the nearest of each. */
    private Uni<List<Agency>> agenciesFor(ItemPolicy policy, String street) {
        List<AgencyKind> kinds = Arrays.stream(policy.immediateAgencyKinds.split(",")).map(String::trim)
                .map(AgencyKind::valueOf).toList();
        Uni<List<Agency>> found = Uni.createFrom().item(new ArrayList<>());
        for (AgencyKind kind : kinds) {
            found = found.chain(list -> finder.nearest(kind, street, AgencyFinder.STREET).map(agency -> {
                agency.filter(one -> list.stream().noneMatch(known -> known.code.equals(one.code)))
                        .ifPresent(list::add);
                return list;
            }));
        }
        return found;
    }

    /**
     * A tip-off about an official was forwarded (in the consumer's transaction): the discipline commission of the
     * configured level, or of the level above when the accused heads the receiving body. The report may be unknown
     * here.
     */
    public Uni<Void> onTipOff(TipOffForwarded tipOff) {
        String level = tipOff.accusedHeadsReceivingBody() ? finder.above(config.tipOffLevel()) : config.tipOffLevel();
        return communities.streetOf(tipOff.communityCode()).chain(street -> itemOf(tipOff).chain(item -> finder
                .nearest(AgencyKind.DISCIPLINE_COMMISSION, street, level).chain(commission -> {
                    if (commission.isEmpty()) {
                        LOG.warnf("report %s: no active discipline commission at %s or above; tip-off not escalated",
                                tipOff.reportId(), level);
                        return Uni.createFrom().voidItem();
                    }
                    return opener.open(new EscalationOpener.Opening(tipOff.reportId(), item, tipOff.communityCode(),
                            street, true, EscalationTrigger.TIP_OFF, null, List.of(commission.get()),
                            commission.get(), config.tipOffWorkingDays(), tipOff.forwardedAt(), null))
                            .replaceWithVoid();
                })));
    }

    private Uni<String> itemOf(TipOffForwarded tipOff) {
        if (tipOff.itemCode() != null) {
            return Uni.createFrom().item(tipOff.itemCode());
        }
        return clocks.ofReport(tipOff.reportId()).map(found -> found.stream().findFirst().map(clock -> clock.itemCode)
                .orElse(TIP_OFF_ITEM));
    }
}
