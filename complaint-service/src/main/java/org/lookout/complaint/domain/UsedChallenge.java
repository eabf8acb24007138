package org.lookout.complaint.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A proof-of-work challenge that filed a report: kept until it expires, so it files no second one. */
@Entity
@Table(name = "used_challenge")
public class UsedChallenge {

    /** The challenge's HMAC signature: unique per challenge, and no secret. */
    @Id
    public String signature;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public static UsedChallenge of(String signature, Instant expiresAt) {
        UsedChallenge used = new UsedChallenge();
        used.signature = signature;
        used.expiresAt = expiresAt;
        return used;
    }
}
