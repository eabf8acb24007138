package org.lookout.complaint.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reporter staff recorded for a walk-in, phone or letter report; either value may be null. */
@Schema(name = "Reporter")
public record ReporterView(String name, String phone) {
}
