package org.lookout.complaint.statistics;

import java.math.BigDecimal;

/**
 * The figures of a set of reports (ARCHITECTURE §5): how many were received, the three rates and the average hours to
 * respond and to resolve (null when no report of the set was responded to, or resolved).
 */
public record Figures(long count, Rate response, Rate resolution, Rate satisfaction, BigDecimal avgHoursToRespond,
        BigDecimal avgHoursToResolve) {
}
