package org.lookout.notification.domain;

/** Whom a rule tells: a person an event names, or everybody holding a role in the event's scope (a group inbox). */
public enum Audience {
    /** The resident or lookout who filed the report (never for an anonymous report). */
    REPORTER(true),
    /** The staff member a report was assigned to ({@code assigneeRef}). */
    ASSIGNEE(true),
    COMMUNITY_STAFF(false),
    /** Staff of the community with the {@code communityHead} attribute. */
    COMMUNITY_HEADS(false),
    STREET_SUPERVISORS(false),
    STREET_INSPECTORS(false),
    /** Each agency the event is addressed to. */
    AGENCY(false),
    /** Residents and lookouts of the community. */
    COMMUNITY_RESIDENTS(false);

    private final boolean personal;

    Audience(boolean personal) {
        this.personal = personal;
    }

    /** A person (a pseudonym), or a group inbox. */
    public boolean personal() {
        return personal;
    }
}
