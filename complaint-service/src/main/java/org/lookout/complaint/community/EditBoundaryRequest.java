package org.lookout.complaint.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An administrator's boundary of a community, as it shall be: a GeoJSON geometry object of type {@code Polygon} or
 * {@code MultiPolygon}, positions {@code [longitude, latitude]} in WGS84 (RFC 7946).
 */
public record EditBoundaryRequest(@NotBlank String type, @NotNull JsonNode coordinates) {
}
