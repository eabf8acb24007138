package org.lookout.escalation.reference;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.AgencyKind;
import org.lookout.contracts.ItemChanged;
import org.lookout.escalation.domain.TaxonomyItem;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TaxonomyItemRepository implements PanacheRepositoryBase<TaxonomyItem, String> {

    public Uni<List<TaxonomyItem>> all() {
        return listAll(Sort.ascending("itemCode"));
    }

    /**
     * Stores the item's state unless the copy already holds this revision or a later one, in one statement (so two
     * instances applying records of the same key cannot overwrite a newer state). Answers whether it was stored.
     */
    public Uni<Boolean> storeIfNewer(ItemChanged item) {
        return getSession().chain(session -> session.createNativeQuery("""
                insert into taxonomy_item (item_code, resolution_working_days, escalates_immediately,
                    escalation_agency_kinds, joint_escalation, lead_agency_kind, confidential, active, revision, changed_at,
                    resolution_breach_agency_kind)
                values (:code, :days, :immediately, :kinds, :joint, :lead, :confidential, :active, :revision, :changedAt,
                    :breachKind)
                on conflict (item_code) do update set resolution_working_days = excluded.resolution_working_days,
                    escalates_immediately = excluded.escalates_immediately,
                    escalation_agency_kinds = excluded.escalation_agency_kinds,
                    joint_escalation = excluded.joint_escalation, lead_agency_kind = excluded.lead_agency_kind,
                    confidential = excluded.confidential, active = excluded.active, revision = excluded.revision,
                    changed_at = excluded.changed_at,
                    resolution_breach_agency_kind = excluded.resolution_breach_agency_kind
                where taxonomy_item.revision < excluded.revision""")
                .setParameter("code", item.itemCode())
                .setParameter("days", item.resolutionWorkingDays())
                .setParameter("immediately", item.escalatesImmediately())
                .setParameter("kinds", String.join(",", item.escalationAgencyKinds().stream().map(AgencyKind::name)
                        .toList()))
                .setParameter("joint", item.jointEscalation())
                .setParameter("lead", item.leadAgencyKind() == null ? null : item.leadAgencyKind().name())
                .setParameter("confidential", item.confidential())
                .setParameter("active", item.active())
                .setParameter("revision", item.revision())
                .setParameter("changedAt", item.changedAt())
                .setParameter("breachKind", item.resolutionBreachAgencyKind() == null ? null
                        : item.resolutionBreachAgencyKind().name())
                .executeUpdate())
                .map(stored -> stored > 0);
    }
}
