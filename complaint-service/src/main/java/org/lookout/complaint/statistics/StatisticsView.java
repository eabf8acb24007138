package org.lookout.complaint.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.lookout.complaint.statistics.StatisticsRepository.GroupFigures;

/**
 * The statistics as readers see them: the figures of all reports received in the period ({@code total}) and the
 * same figures per group, whose counts add up to the total. {@code confidential}: the figures are those of the
 * confidential reports (an inspector's), which no other figures count.
 */
public record StatisticsView(String scope, String scopeKind, boolean confidential, LocalDate from, LocalDate to,
        String groupBy, TotalView total, List<GroupView> groups) {

    /** The figures of all reports in scope and period. */
    public record TotalView(long count, Rate response, Rate firstContact, Rate resolution, Rate satisfaction,
            Rate satisfactionByReporter, Rate satisfactionByFollowUp, BigDecimal avgHoursToRespond,
            BigDecimal avgHoursToResolve) {

        static TotalView of(Figures f) {
            return new TotalView(f.count(), f.response(), f.firstContact(), f.resolution(), f.satisfaction(),
                    f.satisfactionByReporter(), f.satisfactionByFollowUp(), f.avgHoursToRespond(),
                    f.avgHoursToResolve());
        }
    }

    /** The figures of one group; labels where the key has some (categories, items, communities). */
    public record GroupView(String key, String labelZh, String labelEn, long count, Rate response, Rate firstContact,
            Rate resolution, Rate satisfaction, Rate satisfactionByReporter, Rate satisfactionByFollowUp,
            BigDecimal avgHoursToRespond, BigDecimal avgHoursToResolve) {

        static GroupView of(GroupFigures group) {
            var f = group.figures();
            return new GroupView(group.key(), group.labelZh(), group.labelEn(), f.count(), f.response(),
                    f.firstContact(), f.resolution(), f.satisfaction(), f.satisfactionByReporter(),
                    f.satisfactionByFollowUp(), f.avgHoursToRespond(), f.avgHoursToResolve());
        }
    }

    static StatisticsView of(StatisticsService.Statistics statistics) {
        var f = statistics.total();
        var scope = statistics.scope();
        return new StatisticsView(scope.code(), scope.kind().name().toLowerCase(Locale.ROOT), statistics.confidential(),
                statistics.period().from(), statistics.period().to(),
                statistics.groupBy().name().toLowerCase(Locale.ROOT),
                TotalView.of(f),
                statistics.groups().stream().map(GroupView::of).toList());
    }
}
