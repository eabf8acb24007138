package org.lookout.complaint.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.config.IntakeConfig;
import org.lookout.complaint.domain.Report;

import io.smallrye.mutiny.Uni;

/**
 * Open reports that may be about the same problem as a new one: same item and community, received within the window,
 * and the same building or within the radius. Only references are shown (never another report's text or reporter), and
 * none for confidential items, whose existence alone is sensitive.
 */
@ApplicationScoped
public class DuplicateFinder {

    /** At most this many are shown, newest first: enough to recognise a repeat, bounded however many there are. */
    static final int MAX_SHOWN = 10;
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private final PossibleDuplicateRepository reports;
    private final IntakeConfig config;

    DuplicateFinder(PossibleDuplicateRepository reports, IntakeConfig config) {
        this.reports = reports;
        this.config = config;
    }

    /** Another report that may be the same; {@code distanceMetres} is null when either has no coordinates. */
    public record PossibleDuplicate(String trackingNumber, String status, Instant receivedAt, Long distanceMetres) {
    }

    /** {@code standalone}: the query runs on the pool, outside any session (see {@link NamedStatement}). */
    Uni<List<PossibleDuplicate>> of(Report report, boolean standalone) {
        if (report.confidential) {
            return Uni.createFrom().item(List.of());
        }
        Instant since = report.receivedAt.minus(config.duplicateWindow());
        return reports.similarOpenSince(report.itemCode, report.communityCode, since, report.id,
                buildingKey(report.building), boundingBox(report), MAX_SHOWN, standalone)
                .map(rows -> rows.stream().map(row -> match(report, row)).flatMap(Optional::stream).toList());
    }

    /** A row of the pre-filter: same building, or inside the box and then within the radius by haversine. */
    private Optional<PossibleDuplicate> match(Report report, Object[] row) {
        Double latitude = row[3] == null ? null : ((Number) row[3]).doubleValue();
        Double longitude = row[4] == null ? null : ((Number) row[4]).doubleValue();
        Double distance = distanceMetres(report.latitude, report.longitude, latitude, longitude);
        boolean near = distance != null && distance <= config.duplicateRadiusMetres();
        if (!near && !sameBuilding(report.building, (String) row[5])) {
            return Optional.empty();
        }
        Long metres = distance == null ? null : Math.round(distance);
        return Optional.of(new PossibleDuplicate((String) row[0], (String) row[1], toInstant(row[2]), metres));
    }

    private static Instant toInstant(Object value) {
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    /** Latitude and longitude bounds that contain every point within the radius; null without coordinates. */
    private double[] boundingBox(Report report) {
        if (report.latitude == null || report.longitude == null) {
            return null;
        }
        double dLat = Math.toDegrees(config.duplicateRadiusMetres() / EARTH_RADIUS_METRES);
        double cos = Math.max(Math.cos(Math.toRadians(report.latitude)), 1e-6);
        double dLon = Math.min(180, dLat / cos);
        return new double[] { report.latitude - dLat, report.latitude + dLat, report.longitude - dLon,
                report.longitude + dLon };
    }

    static boolean sameBuilding(String one, String other) {
        String a = buildingKey(one);
        return !a.isEmpty() && a.equals(buildingKey(other));
    }

    private static String buildingKey(String building) {
        return building == null ? "" : building.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** Haversine distance on the WGS84 mean radius; null unless both points are known. */
    static Double distanceMetres(Double latitude1, Double longitude1, Double latitude2, Double longitude2) {
        if (latitude1 == null || longitude1 == null || latitude2 == null || longitude2 == null) {
            return null;
        }
        double lat1 = Math.toRadians(latitude1);
        double lat2 = Math.toRadians(latitude2);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(longitude2 - longitude1);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
