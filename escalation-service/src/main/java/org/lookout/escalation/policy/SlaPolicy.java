package org.lookout.escalation.policy;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.AgencyKind;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.TaxonomyItem;
import org.lookout.escalation.reference.ReferenceData;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * How long a report's clocks run and where it escalates at once or when its resolution clock breaches: the response
 * clock 1 working day (configured), the resolution clock, the immediate escalation and the breach's addressee as
 * complaint-service's item says (this service's copy). An item is
 * read when its clock starts, so an edit at the owner applies to clocks started afterwards only.
 */
@ApplicationScoped
public class SlaPolicy {

    /** Where an accepted report escalates at once: an agency per kind, in order, the lead's kind leading. */
    public record Immediate(List<AgencyKind> kinds, AgencyKind leadKind, int workingDays) {
    }

    private final EscalationConfig config;
    private final ReferenceData references;

    SlaPolicy(EscalationConfig config, ReferenceData references) {
        this.config = config;
        this.references = references;
    }

    /** "On site within one working day" (三快). */
    public int responseWorkingDays() {
        return config.responseWorkingDays();
    }

    /** The item's resolution target; waits for the item's copy. Runs in the caller's session. */
    public Uni<Integer> resolutionWorkingDays(String itemCode) {
        return references.item(itemCode).map(item -> item.resolutionWorkingDays);
    }

    /**
     * The immediate escalation of an accepted report, if its item has one. A report about an official (confidential)
     * has none here: like a breach of its clock, it reaches the discipline commission only as the cadre registry's
     * forwarded tip-off, so the community's street never reads it and the commission gets it once.
     */
    public Uni<Optional<Immediate>> immediate(String itemCode, boolean confidential) {
        return references.item(itemCode).map(item -> confidential || item.immediateAgencyKinds().isEmpty()
                ? Optional.<Immediate>empty()
                : Optional.of(new Immediate(item.immediateAgencyKinds(), item.leadAgencyKind,
                        item.resolutionWorkingDays)));
    }

    /**
     * Where a breach of the item's resolution clock escalates (issue 13): straight to the nearest agency of the kind the
     * item names, or, when it names none, to the report's street. Runs in the caller's session.
     */
    public Uni<Optional<AgencyKind>> resolutionBreach(String itemCode) {
        return references.item(itemCode).map(item -> Optional.ofNullable(item.resolutionBreachAgencyKind));
    }

    /** Every item's policy, by item code. */
    @WithSession
    public Uni<List<TaxonomyItem>> all() {
        return references.items();
    }
}
