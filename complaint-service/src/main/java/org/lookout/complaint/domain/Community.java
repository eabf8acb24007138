package org.lookout.complaint.domain;

import java.time.Instant;

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
public class Community {

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

    /** Grows with every change; {@link #publishedRevision} is the one last published. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "published_revision", nullable = false)
    public int publishedRevision;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Every change is a new revision, to be published in the same transaction. */
    public void changed(Instant at) {
        revision++;
        changedAt = at;
    }
}
