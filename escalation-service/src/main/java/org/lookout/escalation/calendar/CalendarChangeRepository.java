package org.lookout.escalation.calendar;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.domain.CalendarChange;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CalendarChangeRepository implements PanacheRepositoryBase<CalendarChange, UUID> {
}
