package org.lookout.complaint.community;

import com.fasterxml.jackson.databind.JsonNode;

/** A community's boundary as a GeoJSON geometry object (Polygon or MultiPolygon, [longitude, latitude]). */
public record BoundaryView(String type, JsonNode coordinates) {
}
