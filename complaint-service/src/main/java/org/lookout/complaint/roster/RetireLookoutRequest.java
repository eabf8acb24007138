package org.lookout.complaint.roster;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The day the lookout retires (default today). */
@Schema(name = "RetireLookout")
public record RetireLookoutRequest(LocalDate retiredOn) {
}
