package org.lookout.cadre.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of an official's history: who did what, when, and the values before and after (JSON). */
@Entity
@Table(name = "official_change")
public class OfficialChange {

    public static final String REGISTERED = "REGISTERED";
    public static final String IMPORTED = "IMPORTED";
    public static final String EDITED = "EDITED";
    public static final String STATUS_CHANGED = "STATUS_CHANGED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "official_id", nullable = false)
    public UUID officialId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(nullable = false)
    public String action;

    /** {@code {"field": {"from": …, "to": …}}}. */
    @Column(nullable = false)
    public String changes;

    public static OfficialChange of(UUID officialId, Instant at, String actor, String actorRole, String action,
            String changes) {
        OfficialChange change = new OfficialChange();
        change.officialId = officialId;
        change.at = at;
        change.actor = actor;
        change.actorRole = actorRole;
        change.action = action;
        change.changes = changes;
        return change;
    }
}
