package org.lookout.complaint.domain;

/** Who recorded a report's rating: its reporter (with an account, or anonymously with the tracking code and secret), or staff following up (回访). */
public enum RatedBy {
    REPORTER, FOLLOW_UP
}
