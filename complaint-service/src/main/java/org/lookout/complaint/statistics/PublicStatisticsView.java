package org.lookout.complaint.statistics;

import java.time.YearMonth;
import java.util.List;

/**
 * What residents and lookouts see of their community's month (the results the seed publishes to residents): the
 * count of reports per category and in total, and the three rates. No report, no person, no free text; confidential
 * reports are not counted.
 */
public record PublicStatisticsView(String community, String nameZh, String nameEn, YearMonth month, long count,
        Rate response, Rate resolution, Rate satisfaction, List<CategoryCount> categories) {

    /** One category of the taxonomy and how many reports of it the community received in the month. */
    public record CategoryCount(String code, String nameZh, String nameEn, long count) {
    }

    static PublicStatisticsView of(StatisticsService.PublicFigures figures) {
        var total = figures.total();
        return new PublicStatisticsView(figures.community(), figures.labelZh(), figures.labelEn(), figures.month(),
                total.count(), total.response(), total.resolution(), total.satisfaction(),
                figures.categories().stream().map(group -> new CategoryCount(group.key(), group.labelZh(),
                        group.labelEn(), group.figures().count())).toList());
    }
}
