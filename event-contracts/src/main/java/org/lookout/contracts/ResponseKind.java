package org.lookout.contracts;

/** How a report was first responded to ({@code responseKind} on {@code responded}): someone went on site, or reached the reporter first. */
public enum ResponseKind {
    ON_SITE_VISIT, FIRST_CONTACT
}
