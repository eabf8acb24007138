package org.lookout.complaint.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** An administrator's edit of reference data, kept for the audit: who and when (the edited fields are the subclass's). */
@MappedSuperclass
public abstract class AdminEdit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The administrator's account (OIDC subject). */
    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;
}
