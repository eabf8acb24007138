package org.lookout.complaint.domain;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An administrator's edit of an item's extra questions: the whole list before and after, for the audit. */
@Entity
@Table(name = "item_question_audit")
public class ItemQuestionsChange extends AdminEdit {

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ItemQuestion> before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ItemQuestion> after;
}
