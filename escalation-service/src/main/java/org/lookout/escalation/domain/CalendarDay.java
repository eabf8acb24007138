package org.lookout.escalation.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A day that is not what the plain weekday rule says (a holiday, a make-up working day) or that an administrator set.
 * Every other day is a {@link DayKind#WORKDAY} Monday to Friday and a {@link DayKind#WEEKEND} otherwise.
 */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

    @Id
    public LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DayKind kind;

    /** The holiday the notice names, e.g. 春节; null for plain days. */
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DaySource source;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
