package org.lookout.complaint.domain;

/** How a report was first responded to: someone went on site, or reached the reporter first. */
public enum ResponseKind {
    ON_SITE_VISIT, FIRST_CONTACT
}
