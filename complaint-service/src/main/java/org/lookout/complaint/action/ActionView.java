package org.lookout.complaint.action;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lookout.complaint.domain.ReportAction;
import org.lookout.complaint.lifecycle.ReportView;

/**
 * An action and its reports as they stand; {@code open} counts the reports not yet resolved, closed or rejected (the
 * action is done when none is).
 */
public record ActionView(UUID id, String communityCode, String itemCode, String title, Instant createdAt, int open,
        List<ReportView> reports) {

    static ActionView of(ReportAction action, List<ReportView> reports) {
        int open = (int) reports.stream().filter(report -> !List.of("RESOLVED", "CLOSED", "CLOSED_UNRESOLVABLE",
                "REJECTED").contains(report.status())).count();
        return new ActionView(action.id, action.communityCode, action.itemCode, action.title, action.createdAt, open,
                reports);
    }
}
