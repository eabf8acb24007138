package org.lookout.escalation.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.Agency;
import org.lookout.escalation.domain.AgencyKind;
import org.lookout.escalation.repository.AgencyRepository;

import io.smallrye.mutiny.Uni;

/**
 * Picks the agency of a kind for a report: the nearest level first, in the configured order (the report's street, then
 * the district, then the city), active agencies only. Runs in the caller's session.
 */
@ApplicationScoped
public class AgencyFinder {

    /** The placeholder for the report's street among the configured levels. */
    static final String STREET = "STREET";

    private final AgencyRepository agencies;
    private final EscalationConfig config;

    AgencyFinder(AgencyRepository agencies, EscalationConfig config) {
        this.agencies = agencies;
        this.config = config;
    }

    /** The nearest agency of {@code kind} at {@code fromLevel} or above; empty when no level has one. */
    public Uni<Optional<Agency>> nearest(AgencyKind kind, String streetCode, String fromLevel) {
        List<String> levels = config.levels();
        int first = Math.max(0, levels.indexOf(fromLevel));
        return at(kind, streetCode, levels.subList(first, levels.size()));
    }

    /** The level after {@code level} in the configured order; {@code level} itself when it is the last. */
    public String above(String level) {
        List<String> levels = config.levels();
        int index = levels.indexOf(level);
        return index >= 0 && index + 1 < levels.size() ? levels.get(index + 1) : level;
    }

    private Uni<Optional<Agency>> at(AgencyKind kind, String streetCode, List<String> levels) {
        if (levels.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String level = levels.getFirst();
        String jurisdiction = STREET.equals(level) ? streetCode : level;
        if (jurisdiction == null) {
            return at(kind, streetCode, levels.subList(1, levels.size()));
        }
        return agencies.active(kind, jurisdiction).chain(found -> found.isEmpty()
                ? at(kind, streetCode, levels.subList(1, levels.size()))
                : Uni.createFrom().item(Optional.of(found.getFirst())));
    }
}
