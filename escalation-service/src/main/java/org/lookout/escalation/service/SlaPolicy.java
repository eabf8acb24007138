package org.lookout.escalation.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.ClockKind;

/**
 * Which clocks a report runs and for how many working days. Today: the response clock only. Issue 4 adds the resolution
 * clock from per-item policies seeded from the taxonomy defaults and editable by admin; callers need not change.
 */
@ApplicationScoped
public class SlaPolicy {

    /** A clock to start: its kind and its length in working days. */
    public record ClockSpec(ClockKind kind, int workingDays) {
    }

    private final EscalationConfig config;

    SlaPolicy(EscalationConfig config) {
        this.config = config;
    }

    public List<ClockSpec> onSubmitted(ComplaintSubmitted submitted) {
        return List.of(new ClockSpec(ClockKind.RESPONSE, config.responseWorkingDays()));
    }
}
