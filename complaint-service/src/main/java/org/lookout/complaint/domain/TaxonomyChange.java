package org.lookout.complaint.domain;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An administrator's edit of a taxonomy item, with the item's editable fields before and after, for the audit. */
@Entity
@Table(name = "taxonomy_audit")
public class TaxonomyChange extends AdminEdit {

    /** The editable fields of an item, as stored in the audit's JSON columns; the agency kinds lead first. */
    public record Snapshot(String nameZh, String nameEn, int resolutionDays, boolean confidential, boolean active,
            boolean escalatesImmediately, List<String> escalationAgencyKinds, boolean jointEscalation,
            String resolutionBreachAgencyKind) {

        public static Snapshot of(TaxonomyItem item) {
            return new Snapshot(item.nameZh, item.nameEn, item.resolutionDays, item.confidential, item.active,
                    item.escalatesImmediately, item.agencyKinds(), item.jointEscalation,
                    item.resolutionBreachAgencyKind);
        }
    }

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Snapshot before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Snapshot after;
}
