package org.lookout.escalation.service;

import java.util.ArrayList;
import java.util.List;

import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationPart;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.panache.common.Parameters;

/**
 * Which escalations a caller reads: admin all; inspectors the confidential ones (reports about officials); an agency
 * those with a part of its own; staff their community's and supervisors their street's non-confidential ones. The same
 * rule as a query (lists) and as a test on one escalation (reads by id); anything else is answered as absent.
 */
final class EscalationScope {

    /** A query condition over {@code e} and its parameters; {@code 1 = 0} when the caller sees nothing. */
    record Condition(String where, Parameters parameters) {
    }

    private EscalationScope() {
    }

    static Condition condition(Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return new Condition("1 = 1", new Parameters());
        }
        List<String> any = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (caller.is(Roles.INSPECTOR)) {
            any.add("e.confidential = true");
        }
        if (caller.is(Roles.AGENCY) && caller.agency().isPresent()) {
            any.add("e.id in (select p.escalationId from EscalationPart p where p.agencyCode = :agency)");
            parameters.and("agency", caller.agency().get());
        }
        if (caller.is(Roles.STAFF) && caller.community().isPresent()) {
            any.add("(e.confidential = false and e.communityCode = :community)");
            parameters.and("community", caller.community().get());
        }
        if (caller.is(Roles.SUPERVISOR) && caller.street().isPresent()) {
            any.add("(e.confidential = false and e.streetCode = :street)");
            parameters.and("street", caller.street().get());
        }
        return any.isEmpty() ? new Condition("1 = 0", parameters)
                : new Condition("(" + String.join(" or ", any) + ")", parameters);
    }

    static boolean sees(Caller caller, Escalation escalation, List<EscalationPart> parts) {
        return caller.is(Roles.ADMIN)
                || caller.is(Roles.INSPECTOR) && escalation.confidential
                || isAgencyOf(caller, parts)
                || !escalation.confidential && caller.is(Roles.STAFF) && caller.inCommunity(escalation.communityCode)
                || !escalation.confidential && caller.is(Roles.SUPERVISOR) && escalation.streetCode != null
                        && caller.inStreet(escalation.streetCode);
    }

    /** The caller is an agency with a part in it: it reads its own notes only. */
    static boolean isAgencyOf(Caller caller, List<EscalationPart> parts) {
        return caller.is(Roles.AGENCY) && caller.agency()
                .filter(agency -> parts.stream().anyMatch(part -> part.agencyCode.equals(agency))).isPresent();
    }
}
