package org.lookout.complaint.domain;

/** Who handles an assigned report: a named staff member, or one of the community's units. */
public enum AssigneeUnit {
    STAFF, VOLUNTEER, MEDIATION_COMMITTEE, PROPERTY_COMPANY
}
