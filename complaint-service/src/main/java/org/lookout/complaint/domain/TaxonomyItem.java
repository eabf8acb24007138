package org.lookout.complaint.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One of the 23 items of ARCHITECTURE §4 with its handling rules, owned by this service: what residents see and what
 * the SLA clocks and immediate escalations of escalation-service use (it keeps a copy built from the
 * {@code item-changed} events this service publishes on every change).
 */
@Entity
@Table(name = "taxonomy_item")
public class TaxonomyItem extends PublishedRevision {

    @Id
    public String code;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(nullable = false)
    public int sort;

    /** The resolution target in working days: the length of a report's resolution clock. */
    @Column(name = "resolution_days", nullable = false)
    public int resolutionDays;

    @Column(name = "escalates_immediately", nullable = false)
    public boolean escalatesImmediately;

    /** Comma-separated agency kinds, e.g. {@code PUBLIC_SECURITY,MARKET_REGULATION}; the first one leads. */
    @Column(name = "escalation_agency_kinds", nullable = false)
    public String escalationAgencyKinds;

    @Column(name = "joint_escalation", nullable = false)
    public boolean jointEscalation;

    /**
     * Where a breach of the resolution clock escalates (an {@code AgencyKind} name): the nearest agency of that kind;
     * null: the report's street, whose supervisors work it (督办). Never {@code STREET_OFFICE}.
     */
    @Column(name = "resolution_breach_agency_kind")
    public String resolutionBreachAgencyKind;

    /** Copied onto a report at intake: a later change of the item does not change the reports filed before it. */
    @Column(nullable = false)
    public boolean confidential;

    /** An inactive item stays for the reports that use it; new reports cannot choose it. */
    @Column(nullable = false)
    public boolean active;

    /**
     * The extra questions a report of the item should answer (Open311's attributes), in display order; edited by admin
     * as one list, not part of the published item-changed state.
     */
    @Convert(converter = ItemQuestion.ListConverter.class)
    @Column(nullable = false)
    public List<ItemQuestion> questions = new ArrayList<>();

    /** The agency kinds it escalates to at once, the lead first; empty when it does not. */
    public List<String> agencyKinds() {
        return escalationAgencyKinds.isEmpty() ? List.of() : List.of(escalationAgencyKinds.split(","));
    }

    /** The kind whose agency leads; null when the item does not escalate at once. */
    public String leadAgencyKind() {
        return agencyKinds().isEmpty() ? null : agencyKinds().getFirst();
    }

    /**
     * The rules for escalating at once: to these kinds, the lead first (none when it does not escalate at once); and
     * where a resolution breach goes (null: the street).
     */
    public void escalation(boolean immediately, List<String> kindsLeadFirst, boolean joint,
            String resolutionBreachKind) {
        escalatesImmediately = immediately;
        escalationAgencyKinds = String.join(",", kindsLeadFirst);
        jointEscalation = joint;
        resolutionBreachAgencyKind = resolutionBreachKind;
    }
}
