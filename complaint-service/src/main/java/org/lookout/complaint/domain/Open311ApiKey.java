package org.lookout.complaint.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lookout.problem.ProblemException;

/**
 * The key of an Open311 client application (a city app, FixMyStreet, a city's 12345 system): issued and revoked by
 * admin. Only the SHA-256 of the key is kept (it is shown once, when issued) and its first characters, so that an admin
 * can tell keys apart.
 */
@Entity
@Table(name = "open311_api_key")
public class Open311ApiKey {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "key_hash", nullable = false, unique = true)
    public byte[] keyHash;

    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The key no longer files requests; 409 when it was revoked before. */
    public void revoke(String actor, Instant at) {
        if (revoked()) {
            throw ProblemException.conflict("the key was revoked at " + revokedAt);
        }
        revokedBy = actor;
        revokedAt = at;
    }
}
