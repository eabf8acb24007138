package org.lookout.escalation.domain;

/** Where a calendar entry came from: the seeded State Council notices, or an administrator's override. */
public enum DaySource {
    SEED,
    ADMIN
}
