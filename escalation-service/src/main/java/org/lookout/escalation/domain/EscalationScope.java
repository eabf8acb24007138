package org.lookout.escalation.domain;

import java.util.List;
import java.util.Optional;

import org.lookout.security.Caller;
import org.lookout.security.Roles;

/**
 * Who reads and works what in this service, the one place these rules are spelled. A report's clocks: admin; staff of
 * its community and supervisors of its street, unless the report is about an official. An escalation: admin all;
 * inspectors those about officials; an agency those with a part of its own (all parts, its own notes only); staff and
 * supervisors as for clocks. Escalating by hand: staff of the report's community and supervisors of its street, never a
 * report about an official. Working a part: the agency it is addressed to, or, for a part addressed to a street office,
 * the supervisors of that street (issue 13). Anything else is answered as absent (404).
 */
public final class EscalationScope {

    /**
     * Which escalations a caller's list may hold — all, those about officials, those with a part of an agency, those of
     * a community or a street (not about officials) — for the repository to query; none of them: nothing.
     */
    public record Visible(boolean all, boolean confidential, Optional<String> agency, Optional<String> community,
            Optional<String> street) {
    }

    private EscalationScope() {
    }

    public static Visible visible(Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return new Visible(true, false, Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new Visible(false, caller.is(Roles.INSPECTOR),
                caller.is(Roles.AGENCY) ? caller.agency() : Optional.empty(),
                caller.is(Roles.STAFF) ? caller.community() : Optional.empty(),
                caller.is(Roles.SUPERVISOR) ? caller.street() : Optional.empty());
    }

    /** Staff of the report's community or supervisors of its street, for a report not about an official. */
    public static boolean worksOn(Caller caller, ReportFacts report, String streetCode) {
        return !report.confidential() && caller.worksIn(report.communityCode(), streetCode);
    }

    public static boolean seesClocksOf(Caller caller, ReportFacts report, String streetCode) {
        return caller.is(Roles.ADMIN) || worksOn(caller, report, streetCode);
    }

    public static boolean sees(Caller caller, Escalation escalation, List<EscalationPart> parts) {
        return caller.is(Roles.ADMIN)
                || caller.is(Roles.INSPECTOR) && escalation.confidential
                || hasPart(caller, parts)
                || worksOn(caller, escalation.report(), escalation.streetCode);
    }

    /** The caller works this part: its agency's client, or a supervisor of the street it is addressed to. */
    public static boolean worksPart(Caller caller, EscalationPart part) {
        return caller.isAgency(part.agencyCode) || part.isTheStreets() && caller.isSupervisorOf(part.streetCode);
    }

    /** The notes the caller reads: an agency (unless also admin) its own, everyone else who sees it all of them. */
    public static List<EscalationNote> notesFor(Caller caller, List<EscalationPart> parts, List<EscalationNote> notes) {
        if (!hasPart(caller, parts) || caller.is(Roles.ADMIN)) {
            return notes;
        }
        return notes.stream().filter(note -> caller.isAgency(note.agencyCode)).toList();
    }

    /** The caller is the agency of one of the parts. */
    private static boolean hasPart(Caller caller, List<EscalationPart> parts) {
        return parts.stream().anyMatch(part -> caller.isAgency(part.agencyCode));
    }
}
