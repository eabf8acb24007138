package org.lookout.complaint.worklist;

import java.time.Instant;
import java.util.Set;

import org.lookout.complaint.domain.AssigneeUnit;
import org.lookout.complaint.domain.ReportStatus;
import org.lookout.contracts.Channel;

/**
 * The checked filters of a worklist request; null (or empty) means "any". {@code receivedFrom} and {@code receivedTo}
 * are the half-open instant range of the days asked for; {@code assigneeUnit} and {@code assigneeStaff} are
 * alternatives (a unit, or a staff member's account); {@code text} is matched case-insensitively against the tracking
 * number, title and address.
 */
record WorklistFilter(Set<ReportStatus> statuses, String item, String category, Channel channel, String community,
        AssigneeUnit assigneeUnit, String assigneeStaff, Instant receivedFrom, Instant receivedTo, Instant dueBefore,
        Boolean warned, Boolean breached, Boolean unrated, String text, WorklistSort sort, WorklistCursor after,
        int limit) {
}
