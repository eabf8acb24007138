package org.lookout.complaint.taxonomy;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lookout.contracts.AgencyKind;

/**
 * An administrator's edit of how reports of an item escalate at once, as it shall be: whether they do, to which agency
 * kinds (none when they do not), jointly (then several kinds) or to one, and which kind leads (one of the kinds); and
 * where a breach of the resolution clock goes: {@code resolutionBreachAgencyKind}, an agency kind other than
 * {@code STREET_OFFICE}, or left out (null) for the report's street, whose supervisors work it (督办). A string, so an
 * unknown kind is a 422 naming the field like {@code STREET_OFFICE}.
 */
public record EditEscalationRulesRequest(
        @NotNull Boolean escalatesImmediately,
        @NotNull @Size(max = 8) List<@NotNull AgencyKind> escalationAgencyKinds,
        @NotNull Boolean jointEscalation,
        AgencyKind leadAgencyKind,
        @Size(max = 40) String resolutionBreachAgencyKind) {
}
