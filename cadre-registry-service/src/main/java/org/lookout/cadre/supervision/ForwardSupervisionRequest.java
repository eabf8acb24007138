package org.lookout.cadre.supervision;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Send a record to the discipline organ. Whether the accused heads the receiving body must be said explicitly: guessing
 * "no" would send it to the very official it is about (then it goes to the level above).
 */
@Schema(name = "ForwardSupervision")
public record ForwardSupervisionRequest(@NotNull Boolean accusedHeadsReceivingBody) {
}
