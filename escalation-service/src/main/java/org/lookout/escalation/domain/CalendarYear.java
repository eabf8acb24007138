package org.lookout.escalation.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A year whose State Council holiday notice is loaded; deadlines in any other year are provisional. */
@Entity
@Table(name = "calendar_year")
public class CalendarYear {

    @Id
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DaySource source;

    @Column(name = "loaded_at", nullable = false)
    public Instant loadedAt;
}
