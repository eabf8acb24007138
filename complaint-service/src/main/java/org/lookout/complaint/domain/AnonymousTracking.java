package org.lookout.complaint.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How the filer of an anonymous report follows it without an account: a public code and the SHA-256 of a secret that
 * was shown once. The account that filed is not stored anywhere, so nobody can link the report to it.
 */
@Entity
@Table(name = "anonymous_tracking")
public class AnonymousTracking {

    @Id
    public String code;

    @Column(name = "report_id", nullable = false, unique = true)
    public UUID reportId;

    @Column(name = "secret_hash", nullable = false)
    public byte[] secretHash;
}
