package org.lookout.escalation.health;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.lookout.escalation.calendar.CalendarService;

/**
 * Names the near years without a loaded State Council notice, but stays UP: deadlines in them are still given (plain
 * Monday–Friday, flagged provisional), so taking the service out of the load balancer would help nobody. The metric
 * {@code lookout_calendar_missing_years} is what alerts the operator.
 */
@Readiness
@ApplicationScoped
public class WorkingCalendarReadinessCheck implements HealthCheck {

    private final CalendarService calendar;

    WorkingCalendarReadinessCheck(CalendarService calendar) {
        this.calendar = calendar;
    }

    @Override
    public HealthCheckResponse call() {
        List<Integer> missing = calendar.missingYears();
        return HealthCheckResponse.named("working-calendar").up()
                .withData("missingYears", missing.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .withData("provisional", !missing.isEmpty())
                .build();
    }
}
