package org.lookout.complaint.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the 23 items of ARCHITECTURE §4 with its handling defaults. */
@Entity
@Table(name = "taxonomy_item")
public class TaxonomyItem {

    @Id
    public String code;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(nullable = false)
    public int sort;

    @Column(name = "resolution_days", nullable = false)
    public int resolutionDays;

    @Column(name = "escalates_immediately", nullable = false)
    public boolean escalatesImmediately;

    /** Comma-separated agency kinds, e.g. {@code PUBLIC_SECURITY,MARKET_REGULATION}; the first one leads. */
    @Column(name = "escalation_agency_kinds", nullable = false)
    public String escalationAgencyKinds;

    @Column(name = "joint_escalation", nullable = false)
    public boolean jointEscalation;

    /** Copied onto a report at intake: a later change of the item does not change the reports filed before it. */
    @Column(nullable = false)
    public boolean confidential;

    /** An inactive item stays for the reports that use it; new reports cannot choose it. */
    @Column(nullable = false)
    public boolean active;
}
