package org.lookout.complaint.community;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.lookout.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a community lies: a GeoJSON (RFC 7946) Polygon or MultiPolygon in WGS84, positions {@code [longitude,
 * latitude]}, read into a JTS geometry. A point on the boundary line counts as inside, so two neighbours that share an
 * edge both hold a point on it (the locator then takes the first by code).
 */
public final class CommunityBoundary {

    /** Bounds the work of one edit and of every lookup that parses it again. */
    static final int MAX_POSITIONS = 10_000;
    static final String FIELD = "coordinates";

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Geometry area;

    private CommunityBoundary(Geometry area) {
        this.area = area;
    }

    /** A boundary as an admin sends it; 400 naming {@code type} or {@code coordinates} when it is not one. */
    public static CommunityBoundary of(String type, JsonNode coordinates) {
        Geometry area = switch (type) {
            case "Polygon" -> polygon(coordinates, FIELD);
            case "MultiPolygon" -> multiPolygon(coordinates);
            default -> throw ProblemException.badRequest("type", "must be Polygon or MultiPolygon");
        };
        if (area.getNumPoints() > MAX_POSITIONS) {
            throw ProblemException.badRequest(FIELD, "has more than " + MAX_POSITIONS + " positions");
        }
        IsValidOp validity = new IsValidOp(area);
        if (!validity.isValid()) {
            throw ProblemException.badRequest(FIELD, "is not a valid polygon: " + validity.getValidationError()
                    .getMessage().toLowerCase(java.util.Locale.ROOT));
        }
        return new CommunityBoundary(area);
    }

    /** A boundary as stored (GeoJSON text this class accepted before). */
    public static CommunityBoundary parse(String geoJson) {
        try {
            JsonNode geometry = JSON.readTree(geoJson);
            return of(geometry.path("type").asText(), geometry.path("coordinates"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored community boundary is not JSON", e);
        }
    }

    /** Whether the point lies inside or on the boundary. */
    public boolean holds(double latitude, double longitude) {
        return area.covers(GEOMETRIES.createPoint(new Coordinate(longitude, latitude)));
    }

    private static Geometry multiPolygon(JsonNode coordinates) {
        if (!coordinates.isArray() || coordinates.isEmpty()) {
            throw ProblemException.badRequest(FIELD, "must be a non-empty array of polygons");
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < coordinates.size(); i++) {
            polygons.add(polygon(coordinates.get(i), FIELD + "[" + i + "]"));
        }
        return GEOMETRIES.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /** An outer ring and its holes, each a closed ring of at least four positions. */
    private static Polygon polygon(JsonNode rings, String field) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw ProblemException.badRequest(field, "must be a non-empty array of linear rings");
        }
        LinearRing shell = ring(rings.get(0), field + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), field + "[" + i + "]");
        }
        return GEOMETRIES.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, String field) {
        if (!positions.isArray() || positions.size() < 4 || positions.size() > MAX_POSITIONS) {
            throw ProblemException.badRequest(field, "must be a ring of 4 to " + MAX_POSITIONS + " positions");
        }
        Coordinate[] ring = new Coordinate[positions.size()];
        for (int i = 0; i < positions.size(); i++) {
            ring[i] = position(positions.get(i), field + "[" + i + "]");
        }
        if (!ring[0].equals2D(ring[ring.length - 1])) {
            throw ProblemException.badRequest(field, "must end where it starts (a closed ring)");
        }
        return GEOMETRIES.createLinearRing(ring);
    }

    private static Coordinate position(JsonNode position, String field) {
        if (!position.isArray() || position.size() < 2 || position.size() > 3 || !position.get(0).isNumber()
                || !position.get(1).isNumber()) {
            throw ProblemException.badRequest(field, "must be [longitude, latitude]");
        }
        double longitude = position.get(0).asDouble();
        double latitude = position.get(1).asDouble();
        if (longitude < -180 || longitude > 180 || latitude < -90 || latitude > 90) {
            throw ProblemException.badRequest(field, "must be a longitude in [-180, 180] and a latitude in [-90, 90]");
        }
        return new Coordinate(longitude, latitude);
    }
}
