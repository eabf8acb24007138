package org.lookout.complaint.worklist;

import java.util.List;

/** The query parameters of a worklist request as they came, unchecked (the service checks them, 400 naming each). */
public record WorklistParameters(List<String> status, String item, String category, String channel, String community,
        String assignee, String receivedFrom, String receivedTo, String dueBefore, String warned, String breached,
        String unrated, String q, String sort, String cursor, String limit) {
}
