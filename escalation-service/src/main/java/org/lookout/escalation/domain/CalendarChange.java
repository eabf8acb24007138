package org.lookout.escalation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One administrator's change to the working calendar, kept for the audit trail; kinds are the day's effective kinds. */
@Entity
@Table(name = "calendar_audit")
public class CalendarChange {

    /** An override set on a day, or an override dropped. */
    public enum Action {
        SET,
        CLEAR
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Column(nullable = false)
    public LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(name = "old_kind", nullable = false)
    public DayKind oldKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "new_kind", nullable = false)
    public DayKind newKind;

    public String reason;
}
