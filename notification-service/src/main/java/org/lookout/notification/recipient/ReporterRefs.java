package org.lookout.notification.recipient;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.SealedReporterRef;
import org.lookout.notification.config.NotificationConfig;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reporter of a complaint event as an address: the pseudonym an ordinary report carries, or the one sealed in a
 * confidential report's {@code sealedReporterRef}, opened with the notification-delivery key (only this service and
 * complaint-service hold it). Nothing for an anonymous report, even if an event carried a reference by mistake.
 */
@ApplicationScoped
public class ReporterRefs {

    private final SealedReporterRef sealing;

    ReporterRefs(NotificationConfig config) {
        this.sealing = SealedReporterRef.withKey(config.deliveryKey());
    }

    public Optional<String> of(UUID reportId, JsonNode data) {
        if (data.path("anonymous").asBoolean(false)) {
            return Optional.empty();
        }
        String open = data.path("reporterRef").asText("");
        if (!open.isBlank() && !data.path("confidential").asBoolean(false)) {
            return Optional.of(open);
        }
        return sealing.open(reportId, data.path("sealedReporterRef").asText(null));
    }
}
