package org.lookout.escalation.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.contracts.AgencyKind;
import org.lookout.contracts.ClockKind;
import org.lookout.contracts.ComplaintStatusChanged;
import org.lookout.contracts.EscalationTrigger;
import org.lookout.contracts.TipOffForwarded;
import org.lookout.escalation.agency.AgencyFinder;
import org.lookout.escalation.clock.ClockBreachFollowUp;
import org.lookout.escalation.clock.SlaClockService;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.Agency;
import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.ReportFacts;
import org.lookout.escalation.domain.SlaClock;
import org.lookout.escalation.policy.SlaPolicy;
import org.lookout.escalation.reference.ReferenceData;

import io.smallrye.mutiny.Uni;

/**
 * The escalations nobody has to decide (ARCHITECTURE §6), each in the transaction of what triggered it: a breached
 * response clock goes to the street (its street office, worked by the street's supervisors), a breached resolution
 * clock to the street or straight to the agency kind its item names, an item marked for immediate escalation goes to
 * its agencies on acceptance, a forwarded tip-off about an official goes to the discipline commission (the level above
 * when the accused heads it). A trigger without an agency to go to is logged (references only) and opens nothing.
 */
@ApplicationScoped
public class AutomaticEscalations implements ClockBreachFollowUp {

    /** Tip-offs are about officials; the item a tip-off without one is filed under. */
    static final String TIP_OFF_ITEM = "cadre-conduct";

    private static final Logger LOG = Logger.getLogger(AutomaticEscalations.class);

    private final EscalationOpener opener;
    private final AgencyFinder finder;
    private final SlaPolicy policy;
    private final ReferenceData references;
    private final SlaClockService clocks;
    private final EscalationConfig config;

    AutomaticEscalations(EscalationOpener opener, AgencyFinder finder, SlaPolicy policy, ReferenceData references,
            SlaClockService clocks, EscalationConfig config) {
        this.opener = opener;
        this.finder = finder;
        this.policy = policy;
        this.references = references;
        this.clocks = clocks;
        this.config = config;
    }

    /**
     * A clock breached (in the sweep's transaction). A response clock escalates to its street, whose supervisors work
     * it (督办); a resolution clock to the street as well, or straight to the nearest agency of the kind its item names
     * (back to the street when there is none). A report about an official has no clock here (its 12388 limits run in
     * the cadre registry); one started before that rule is never sent to the street either.
     */
    @Override
    public Uni<Void> breached(SlaClock clock, String streetCode, Instant at) {
        if (clock.confidential) {
            return Uni.createFrom().voidItem();
        }
        if (streetCode == null) {
            LOG.warnf("report %s: community %s has no street; breach not escalated", clock.reportId,
                    clock.communityCode);
            return Uni.createFrom().voidItem();
        }
        if (clock.kind == ClockKind.RESPONSE) {
            return toStreet(clock, streetCode, EscalationTrigger.RESPONSE_BREACHED, at);
        }
        return policy.resolutionBreach(clock.itemCode).chain(kind -> kind.isEmpty()
                ? toStreet(clock, streetCode, EscalationTrigger.RESOLUTION_BREACHED, at)
                : finder.nearest(kind.get(), streetCode, AgencyFinder.STREET).chain(agency -> {
                    if (agency.isEmpty()) {
                        LOG.warnf("report %s: no active agency of %s for item %s; its resolution breach goes to the"
                                + " street", clock.reportId, kind.get(), clock.itemCode);
                        return toStreet(clock, streetCode, EscalationTrigger.RESOLUTION_BREACHED, at);
                    }
                    return policy.resolutionWorkingDays(clock.itemCode).chain(days -> open(clock, streetCode,
                            EscalationTrigger.RESOLUTION_BREACHED, agency.get(), days, at));
                }));
    }

    /** To the street's office, worked by the street's supervisors, due in {@code breach-escalation-working-days}. */
    private Uni<Void> toStreet(SlaClock clock, String streetCode, EscalationTrigger trigger, Instant at) {
        return finder.in(AgencyKind.STREET_OFFICE, streetCode).chain(office -> {
            if (office.isEmpty()) {
                LOG.warnf("report %s: no active street office for street %s; breach not escalated", clock.reportId,
                        streetCode);
                return Uni.createFrom().voidItem();
            }
            return open(clock, streetCode, trigger, office.get(), config.breachEscalationWorkingDays(), at);
        });
    }

    private Uni<Void> open(SlaClock clock, String streetCode, EscalationTrigger trigger, Agency to, int workingDays,
            Instant at) {
        return opener.open(new Escalation.Opening(clock.report(), streetCode, trigger, null, List.of(to), to,
                workingDays, at, null)).replaceWithVoid();
    }

    /**
     * A report was accepted (in the consumer's transaction): an item marked for it escalates at once, to the nearest
     * agency of each of its kinds, the lead's kind leading.
     */
    public Uni<Void> onAccepted(ComplaintStatusChanged accepted) {
        ReportFacts report = new ReportFacts(accepted.reportId(), accepted.communityCode(), accepted.itemCode(),
                accepted.confidential());
        return policy.immediate(report.itemCode(), report.confidential()).chain(immediate -> immediate.isEmpty()
                ? Uni.createFrom().voidItem()
                : references.streetOf(report.communityCode()).chain(street -> agenciesFor(immediate.get(), street)
                        .chain(found -> {
                            if (found.isEmpty()) {
                                LOG.warnf("report %s: no active agency of %s for item %s; not escalated",
                                        report.reportId(), immediate.get().kinds(), report.itemCode());
                                return Uni.createFrom().voidItem();
                            }
                            Agency lead = found.stream().filter(agency -> agency.kind == immediate.get().leadKind())
                                    .findFirst().orElse(found.getFirst());
                            return opener.open(new Escalation.Opening(report, street, EscalationTrigger.IMMEDIATE,
                                    null, found, lead, immediate.get().workingDays(), accepted.changedAt(), null))
                                    .replaceWithVoid();
                        })));
    }

    /** One agency per kind (in the item's order), the nearest of each. */
    private Uni<List<Agency>> agenciesFor(SlaPolicy.Immediate immediate, String street) {
        Uni<List<Agency>> found = Uni.createFrom().item(new ArrayList<>());
        for (AgencyKind kind : immediate.kinds()) {
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
     * configured level, or of the level above when the accused heads the receiving body. The report may be unknown to
     * the clocks; its community must be known (the event waits for its copy).
     */
    public Uni<Void> onTipOff(TipOffForwarded tipOff) {
        String level = tipOff.accusedHeadsReceivingBody() ? finder.above(config.tipOffLevel()) : config.tipOffLevel();
        return references.streetOf(tipOff.communityCode()).chain(street -> itemOf(tipOff).chain(item -> finder
                .nearest(AgencyKind.DISCIPLINE_COMMISSION, street, level).chain(commission -> {
                    if (commission.isEmpty()) {
                        LOG.warnf("report %s: no active discipline commission at %s or above; tip-off not escalated",
                                tipOff.reportId(), level);
                        return Uni.createFrom().voidItem();
                    }
                    ReportFacts report = new ReportFacts(tipOff.reportId(), tipOff.communityCode(), item, true);
                    return opener.open(new Escalation.Opening(report, street, EscalationTrigger.TIP_OFF, null,
                            List.of(commission.get()), commission.get(), config.tipOffWorkingDays(),
                            tipOff.forwardedAt(), null)).replaceWithVoid();
                })));
    }

    private Uni<String> itemOf(TipOffForwarded tipOff) {
        if (tipOff.itemCode() != null) {
            return Uni.createFrom().item(tipOff.itemCode());
        }
        return clocks.report(tipOff.reportId()).map(known -> known.map(ReportFacts::itemCode).orElse(TIP_OFF_ITEM));
    }
}
