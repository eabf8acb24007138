package org.lookout.complaint.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A community (社区) of a street; its code prefixes the tracking numbers of its reports. */
@Entity
@Table(name = "community")
public class Community {

    @Id
    public String code;

    @Column(name = "street_code", nullable = false)
    public String streetCode;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;
}
