package org.lookout.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The whole current state of one taxonomy item ({@code lookout.complaint.item-changed.v1} on the compacted topic
 * {@code lookout.complaint.reference.v1}, keyed {@code item/<code>}), published by complaint-service, which owns the
 * taxonomy, whenever an item is created or edited. Other services keep a copy built only from these events: the latest
 * record per key is the item. {@code revision} grows with every change, so a consumer ignores an older state that
 * arrives late. {@code escalationAgencyKinds} are the kinds a report of the item escalates to at once when
 * {@code escalatesImmediately}; {@code leadAgencyKind} leads a joint escalation. {@code resolutionBreachAgencyKind}
 * (optional, issue 13) is where a breach of the item's resolution clock escalates: straight to the nearest agency of
 * that kind, or, when absent, to the report's street, whose supervisors work it (督办).
 */
public record ItemChanged(
        String itemCode,
        String categoryCode,
        String nameZh,
        String nameEn,
        int resolutionWorkingDays,
        boolean escalatesImmediately,
        List<AgencyKind> escalationAgencyKinds,
        boolean jointEscalation,
        AgencyKind leadAgencyKind,
        boolean confidential,
        boolean active,
        int revision,
        Instant changedAt,
        AgencyKind resolutionBreachAgencyKind) {

    public ItemChanged {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(changedAt, "changedAt");
        escalationAgencyKinds = escalationAgencyKinds == null ? List.of() : List.copyOf(escalationAgencyKinds);
    }

    /** An item whose resolution breach escalates to the street (no {@code resolutionBreachAgencyKind}). */
    public ItemChanged(String itemCode, String categoryCode, String nameZh, String nameEn, int resolutionWorkingDays,
            boolean escalatesImmediately, List<AgencyKind> escalationAgencyKinds, boolean jointEscalation,
            AgencyKind leadAgencyKind, boolean confidential, boolean active, int revision, Instant changedAt) {
        this(itemCode, categoryCode, nameZh, nameEn, resolutionWorkingDays, escalatesImmediately, escalationAgencyKinds,
                jointEscalation, leadAgencyKind, confidential, active, revision, changedAt, null);
    }

    /** The record key and CloudEvents subject of an item's events. */
    public static String key(String itemCode) {
        return "item/" + itemCode;
    }
}
