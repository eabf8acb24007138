package org.lookout.notification.recipient;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.notification.domain.ReportFacts;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * Keeps {@link ReportFacts} from complaint events (in the consumer's transaction, before the event's notifications are
 * addressed): created by {@code submitted} — or by any later event, when this service started after the report did —
 * the assignee from {@code assigned}.
 */
@ApplicationScoped
public class ReportFactsService {

    private final ReportFactsRepository facts;
    private final ReporterRefs reporters;

    ReportFactsService(ReportFactsRepository facts, ReporterRefs reporters) {
        this.facts = facts;
        this.reporters = reporters;
    }

    public Uni<ReportFacts> apply(CloudEvent event, Instant at) {
        JsonNode data = event.data();
        UUID reportId = UUID.fromString(data.path("reportId").asText(event.subject()));
        return facts.findById(reportId).chain(held -> {
            ReportFacts report = held != null ? held : new ReportFacts();
            report.reportId = reportId;
            report.trackingNumber = data.path("trackingNumber").asText(report.trackingNumber);
            report.communityCode = data.path("communityCode").asText(report.communityCode);
            report.itemCode = data.path("itemCode").asText(report.itemCode);
            report.confidential = data.path("confidential").asBoolean(report.confidential);
            if (report.reporterRef == null) {
                report.reporterRef = reporters.of(reportId, data).orElse(null);
            }
            if (EventType.COMPLAINT_ASSIGNED.type().equals(event.type())) {
                report.assigneeRef = data.hasNonNull("assigneeRef") ? data.get("assigneeRef").asText() : null;
            }
            report.updatedAt = at;
            return held != null ? Uni.createFrom().item(report) : facts.persist(report);
        });
    }

    public Uni<ReportFacts> find(UUID reportId) {
        return facts.findById(reportId);
    }
}
