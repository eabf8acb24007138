package org.lookout.complaint.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A community (社区) of a street, owned by this service; its code prefixes the tracking numbers of its reports, its
 * street decides which supervisors see them. Other services keep a copy built from the {@code community-changed}
 * events this service publishes on every change.
 */
@Entity
@Table(name = "community")
public class Community extends PublishedRevision {

    @Id
    public String code;

    @Column(name = "street_code", nullable = false)
    public String streetCode;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    /** An inactive community stays for its reports; new reports cannot be filed in it. */
    @Column(nullable = false)
    public boolean active;

    /**
     * Where it lies: a GeoJSON Polygon or MultiPolygon ([longitude, latitude], WGS84), or null when not drawn yet. A
     * report filed by coordinates belongs to the community whose boundary holds the point. Not part of the published
     * community-changed state.
     */
    public String boundary;
}
