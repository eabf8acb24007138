package org.lookout.contracts;

/** One agency an escalation is addressed to, by its directory code; in a joint escalation exactly one is the lead. */
public record EscalationAgency(String agencyCode, AgencyKind agencyKind, boolean lead) {
}
