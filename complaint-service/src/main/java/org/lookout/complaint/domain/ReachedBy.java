package org.lookout.complaint.domain;

/** How staff reached the reporter for a follow-up (回访). */
public enum ReachedBy {
    PHONE, VISIT, MESSAGE
}
