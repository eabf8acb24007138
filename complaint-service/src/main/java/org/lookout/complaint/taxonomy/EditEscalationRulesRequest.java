package org.lookout.complaint.taxonomy;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lookout.contracts.AgencyKind;

/**
 * An administrator's edit of how reports of an item escalate at once, as it shall be: whether they do, to which agency
 * kinds (none when they do not), jointly (then several kinds) or to one, and which kind leads (one of the kinds).
 */
public record EditEscalationRulesRequest(
        @NotNull Boolean escalatesImmediately,
        @NotNull @Size(max = 8) List<@NotNull AgencyKind> escalationAgencyKinds,
        @NotNull Boolean jointEscalation,
        AgencyKind leadAgencyKind) {
}
