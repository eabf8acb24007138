package org.lookout.notification.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person's own choices, by their pseudonym: the language, and the channels per notification kind (JSON). */
@Entity
@Table(name = "preference")
public class Preference {

    @Id
    @Column(name = "recipient_ref")
    public String recipientRef;

    public String language;

    /** {@code {"KIND": ["INBOX", "EMAIL"], ...}}; a kind not listed follows its rules. */
    @Column(nullable = false)
    public String channels;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
