package org.lookout.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** complaint-service's taxonomy item as its reference events last said: the names messages use. */
@Entity
@Table(name = "item_copy")
public class ItemCopy {

    @Id
    @Column(name = "item_code")
    public String itemCode;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(nullable = false)
    public boolean confidential;

    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public int revision;
}
