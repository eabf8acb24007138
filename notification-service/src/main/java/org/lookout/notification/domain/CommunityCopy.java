package org.lookout.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** complaint-service's community as its reference events last said (the highest revision wins): its street and names. */
@Entity
@Table(name = "community_copy")
public class CommunityCopy {

    @Id
    @Column(name = "community_code")
    public String communityCode;

    @Column(name = "street_code", nullable = false)
    public String streetCode;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public int revision;
}
