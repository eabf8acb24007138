package org.lookout.cadre.supervision;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a tracking code shows: received, accepted or concluded — nothing of the official, the findings or the result. */
@Schema(name = "SupervisionTracking")
public record TrackingView(String status, Instant receivedAt) {
}
