package org.lookout.escalation.domain;

import java.util.UUID;

/** What this service knows of a report, from the event that announced it: references only. */
public record ReportFacts(UUID reportId, String communityCode, String itemCode, boolean confidential) {
}
