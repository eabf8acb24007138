package org.lookout.complaint.statistics;

import java.math.BigDecimal;

/**
 * The figures of a set of reports (ARCHITECTURE §5): how many were received; the three rates — response (on site in
 * time), resolution, satisfaction — with first contact in time beside the response rate and the satisfaction split by
 * who recorded the rating (the reporter, or staff following up); the average hours to respond and to resolve (null when
 * no report of the set was responded to, or resolved). The definitions: docs/decisions/complaint-statistics.md.
 */
public record Figures(long count, Rate response, Rate firstContact, Rate resolution, Rate satisfaction,
        Rate satisfactionByReporter, Rate satisfactionByFollowUp, BigDecimal avgHoursToRespond,
        BigDecimal avgHoursToResolve) {

    /** The figures of no report at all. */
    static Figures none() {
        Rate nothing = Rate.of(0, 0);
        return new Figures(0, nothing, nothing, nothing, nothing, nothing, nothing, null, null);
    }
}
