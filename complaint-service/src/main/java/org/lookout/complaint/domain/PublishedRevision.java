package org.lookout.complaint.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * Reference data this service owns and publishes whole at each change: {@code revision} grows with every change,
 * {@code publishedRevision} is the one last written to the outbox, so a revision nobody published (a seed, a row a
 * migration changed) can be found and published once.
 */
@MappedSuperclass
public abstract class PublishedRevision {

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

    /** Its current revision was written to the outbox. */
    public void published() {
        publishedRevision = revision;
    }
}
