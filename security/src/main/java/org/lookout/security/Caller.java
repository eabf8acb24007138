package org.lookout.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the verified token says: the subject, the roles, the scope claims — {@code community} (resident,
 * lookout, staff), {@code street} (supervisor: one; inspector: one or several), {@code agency} (agency clients) — and
 * the realm attributes {@code informationOfficer} and {@code communityHead}. Every service checks its rules against
 * this, not only the gateway: the scope predicates below are the one place where "in scope" is spelled.
 */
public record Caller(String subject, Set<String> roles, Optional<String> community, Set<String> streets,
        Optional<String> agency, Set<String> attributes) {

    /** The realm attribute of a lookout who may file supervision information about officials (干部监督信息员). */
    public static final String INFORMATION_OFFICER = "informationOfficer";
    /** The realm attribute of the staff member who heads the community and approves integrity opinions. */
    public static final String COMMUNITY_HEAD = "communityHead";

    /** When a token holds several roles, the one it acts in: the most far-reaching first. */
    private static final List<String> PRECEDENCE = List.of(Roles.ADMIN, Roles.INSPECTOR, Roles.SUPERVISOR, Roles.STAFF,
            Roles.AGENCY, Roles.APP_BACKEND, Roles.LOOKOUT, Roles.RESIDENT);

    public Caller {
        roles = Set.copyOf(roles);
        streets = Set.copyOf(streets);
        attributes = Set.copyOf(attributes);
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** The role this caller acts in, recorded in histories and audits; empty for a token with no realm role of ours. */
    public Optional<String> actingRole() {
        return PRECEDENCE.stream().filter(roles::contains).findFirst();
    }

    public boolean has(String attribute) {
        return attributes.contains(attribute);
    }

    public boolean inCommunity(String code) {
        return community.filter(c -> c.equals(code)).isPresent();
    }

    public boolean inStreet(String code) {
        return code != null && streets.contains(code);
    }

    /** The one street of a supervisor (or of an inspector scoped to one); empty for none or several. */
    public Optional<String> street() {
        return streets.size() == 1 ? streets.stream().findFirst() : Optional.empty();
    }

    // -- scope predicates: a role together with the claim that scopes it

    /** Community staff of {@code communityCode}. */
    public boolean isStaffOf(String communityCode) {
        return is(Roles.STAFF) && inCommunity(communityCode);
    }

    /** The head of {@code communityCode}: staff of it with the {@code communityHead} attribute. */
    public boolean isHeadOf(String communityCode) {
        return isStaffOf(communityCode) && has(COMMUNITY_HEAD);
    }

    /** A supervisor of the street {@code streetCode}. */
    public boolean isSupervisorOf(String streetCode) {
        return is(Roles.SUPERVISOR) && inStreet(streetCode);
    }

    /** An inspector whose streets include {@code streetCode}. */
    public boolean isInspectorOf(String streetCode) {
        return is(Roles.INSPECTOR) && inStreet(streetCode);
    }

    /** Staff of the community or a supervisor of its street: who works a community's reports. */
    public boolean worksIn(String communityCode, String streetCode) {
        return isStaffOf(communityCode) || isSupervisorOf(streetCode);
    }

    /** The client of agency {@code agencyCode}. */
    public boolean isAgency(String agencyCode) {
        return is(Roles.AGENCY) && agency.filter(a -> a.equals(agencyCode)).isPresent();
    }

    /** A resident or a lookout: someone who reports for themselves (or, a lookout, for others). */
    public boolean isReporter() {
        return is(Roles.RESIDENT) || is(Roles.LOOKOUT);
    }

    /** A lookout with the {@code informationOfficer} attribute. */
    public boolean isInformationOfficer() {
        return is(Roles.LOOKOUT) && has(INFORMATION_OFFICER);
    }
}
