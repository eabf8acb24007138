package org.lookout.complaint.taxonomy;

import java.time.Instant;
import java.util.List;

import org.lookout.complaint.domain.ItemQuestion;
import org.lookout.complaint.domain.ItemQuestionsChange;

/** One edit of an item's questions: who (the admin's account), when, and the whole list before and after. */
public record QuestionsAuditEntryView(String itemCode, String actor, Instant at, List<ItemQuestion> before,
        List<ItemQuestion> after) {

    static QuestionsAuditEntryView of(ItemQuestionsChange change) {
        return new QuestionsAuditEntryView(change.itemCode, change.actor, change.at, change.before, change.after);
    }
}
