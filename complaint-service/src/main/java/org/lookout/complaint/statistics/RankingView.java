package org.lookout.complaint.statistics;

import java.time.LocalDate;
import java.util.List;


/**
 * The communities of a street by resolution rate. Those not ranked are listed with the reason, so a community never
 * silently disappears from the table.
 */
public record RankingView(String street, LocalDate from, LocalDate to, int minimumReports, List<RankedView> ranked,
        List<NotRankedView> notRanked) {

    public static final String TOO_FEW_REPORTS = "too few reports";
    public static final String NOTHING_DUE = "no report due for resolution yet";

    public record RankedView(int rank, StatisticsView.GroupView community) {
    }

    public record NotRankedView(String reason, StatisticsView.GroupView community) {
    }

    static RankingView of(StatisticsService.Ranking ranking) {
        return new RankingView(ranking.street(), ranking.period().from(), ranking.period().to(),
                ranking.minimumReports(),
                ranking.ranked().stream()
                        .map(r -> new RankedView(r.rank(), StatisticsView.GroupView.of(r.community()))).toList(),
                ranking.notRanked().stream()
                        .map(c -> new NotRankedView(c.figures().count() < ranking.minimumReports() ? TOO_FEW_REPORTS
                                : NOTHING_DUE, StatisticsView.GroupView.of(c)))
                        .toList());
    }
}
