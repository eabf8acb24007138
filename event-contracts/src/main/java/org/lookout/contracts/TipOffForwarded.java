package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An inspector forwarded a tip-off about an official to the discipline organs ({@code lookout.cadre.tip-off-forwarded.v1}
 * on {@code lookout.cadre.v1}, keyed by the report id). escalation-service opens an escalation to the discipline
 * commission with 5 working days, or to the level above when {@code accusedHeadsReceivingBody}. Nothing about the
 * official or the reporter is on the topic: inspectors read the tip-off in the registry.
 */
public record TipOffForwarded(
        UUID tipOffId,
        UUID reportId,
        String trackingNumber,
        String itemCode,
        String communityCode,
        boolean accusedHeadsReceivingBody,
        Instant forwardedAt) {

    public TipOffForwarded {
        Objects.requireNonNull(tipOffId, "tipOffId");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(forwardedAt, "forwardedAt");
    }
}
