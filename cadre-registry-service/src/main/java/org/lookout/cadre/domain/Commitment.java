package org.lookout.cadre.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An official's signed commitment to accept community supervision: the scanned letter and the day it was signed. */
@Entity
@Table(name = "commitment")
public class Commitment {

    @Id
    public UUID id;

    @Column(name = "official_id", nullable = false)
    public UUID officialId;

    @Column(name = "signed_on", nullable = false)
    public LocalDate signedOn;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public int size;

    @Column(nullable = false, columnDefinition = "bpchar(64)")
    public String sha256;

    @Column(nullable = false)
    public byte[] content;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;
}
