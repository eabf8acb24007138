package org.lookout.notification.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The email address and phone number a person gave this service themselves, by their pseudonym. Only a verified one
 * is used: the person proves it by the code sent there (only a hash of the code is kept).
 */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    @Column(name = "recipient_ref")
    public String recipientRef;

    public String email;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    public String phone;

    @Column(name = "phone_verified", nullable = false)
    public boolean phoneVerified;

    @Column(name = "email_code_hash")
    public String emailCodeHash;

    @Column(name = "phone_code_hash")
    public String phoneCodeHash;

    @Column(name = "code_expires_at")
    public Instant codeExpiresAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
