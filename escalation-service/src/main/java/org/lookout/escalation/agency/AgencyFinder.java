package org.lookout.escalation.agency;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.AgencyKind;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.Agency;

import io.smallrye.mutiny.Uni;

/**
 * Finds the active agencies escalations go to: one named by its code, or the one of a kind for a report — the nearest
 * level first, in the configured order (the report's street, then the district, then the city). Runs in the caller's
 * session.
 */
@ApplicationScoped
public class AgencyFinder {

    /** The placeholder for the report's street among the configured levels. */
    public static final String STREET = "STREET";

    private final AgencyRepository agencies;
    private final EscalationConfig config;

    AgencyFinder(AgencyRepository agencies, EscalationConfig config) {
        this.agencies = agencies;
        this.config = config;
    }

    /** The agency of the directory with this code, if it is active. */
    public Uni<Optional<Agency>> active(String code) {
        return agencies.findById(code).map(agency -> Optional.ofNullable(agency).filter(found -> found.active));
    }

    /** The first active agency of {@code kind} acting in {@code jurisdiction} (a street or a level), by code. */
    public Uni<Optional<Agency>> in(AgencyKind kind, String jurisdiction) {
        return agencies.active(kind, jurisdiction).map(found -> found.stream().findFirst());
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
        return in(kind, jurisdiction).chain(found -> found.isEmpty()
                ? at(kind, streetCode, levels.subList(1, levels.size()))
                : Uni.createFrom().item(found));
    }
}
