package org.lookout.complaint.domain;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An administrator's edit of an item's extra questions: the whole list before and after, for the audit. */
@Entity
@Table(name = "item_question_audit")
public class ItemQuestionsChange extends AdminEdit {

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Convert(converter = ItemQuestion.ListConverter.class)
    @Column(nullable = false)
    public List<ItemQuestion> before;

    @Convert(converter = ItemQuestion.ListConverter.class)
    @Column(nullable = false)
    public List<ItemQuestion> after;
}
