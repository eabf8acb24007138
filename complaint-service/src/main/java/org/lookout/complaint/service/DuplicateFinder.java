package org.lookout.complaint.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.config.IntakeConfig;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportStatus;
import org.lookout.complaint.repository.ReportRepository;

import io.smallrye.mutiny.Uni;

/**
 * Open reports that may be about the same problem as a new one: same item and community, received within the window,
 * and the same building or within the radius. Only references are shown (never another report's text or reporter), and
 * none for confidential items, whose existence alone is sensitive.
 */
@ApplicationScoped
public class DuplicateFinder {

    static final Set<ReportStatus> ENDED = EnumSet.of(ReportStatus.CLOSED, ReportStatus.CLOSED_UNRESOLVABLE,
            ReportStatus.REJECTED);
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private final ReportRepository reports;
    private final IntakeConfig config;

    DuplicateFinder(ReportRepository reports, IntakeConfig config) {
        this.reports = reports;
        this.config = config;
    }

    /** Another report that may be the same; {@code distanceMetres} is null when either has no coordinates. */
    public record PossibleDuplicate(String trackingNumber, String status, Instant receivedAt, Long distanceMetres) {
    }

    Uni<List<PossibleDuplicate>> of(Report report) {
        if (report.confidential) {
            return Uni.createFrom().item(List.of());
        }
        Instant since = report.receivedAt.minus(config.duplicateWindow());
        return reports.openSince(report.itemCode, report.communityCode, since, ENDED)
                .map(candidates -> candidates.stream()
                        .filter(candidate -> !candidate.id.equals(report.id))
                        .map(candidate -> match(report, candidate))
                        .flatMap(Optional::stream)
                        .toList());
    }

    private Optional<PossibleDuplicate> match(Report report, Report candidate) {
        Double distance = distanceMetres(report, candidate);
        boolean near = distance != null && distance <= config.duplicateRadiusMetres();
        if (!near && !sameBuilding(report.building, candidate.building)) {
            return Optional.empty();
        }
        Long metres = distance == null ? null : Math.round(distance);
        return Optional.of(
                new PossibleDuplicate(candidate.trackingNumber, candidate.status.name(), candidate.receivedAt, metres));
    }

    static boolean sameBuilding(String one, String other) {
        String a = buildingKey(one);
        return !a.isEmpty() && a.equals(buildingKey(other));
    }

    private static String buildingKey(String building) {
        return building == null ? "" : building.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** Haversine distance on the WGS84 mean radius; null unless both reports have coordinates. */
    static Double distanceMetres(Report one, Report other) {
        if (one.latitude == null || one.longitude == null || other.latitude == null || other.longitude == null) {
            return null;
        }
        double lat1 = Math.toRadians(one.latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - one.longitude);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
