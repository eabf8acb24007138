package org.lookout.cadre.messaging;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventType;
import org.lookout.contracts.MalformedEventException;
import org.lookout.cadre.service.TipOffService;
import org.lookout.outbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Reads {@code lookout.complaint.v1}. Each event's effect is applied once (its id is recorded in the same transaction);
 * every submitted report is recorded as processed, though only cadre-conduct ones make a tip-off; other types are
 * skipped; a record that is not a valid event fails and goes to the dead-letter topic, and the next record is read.
 */
@ApplicationScoped
public class ComplaintEventConsumer {

    /** The name under which processed complaint events are recorded. */
    static final String CONSUMER = "cadre-registry-service.complaint-events";

    private static final Logger LOG = Logger.getLogger(ComplaintEventConsumer.class);

    private final IdempotentConsumer idempotent;
    private final TipOffService tipOffs;

    ComplaintEventConsumer(IdempotentConsumer idempotent, TipOffService tipOffs) {
        this.idempotent = idempotent;
        this.tipOffs = tipOffs;
    }

    @Incoming("lookout-complaint-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> dispatch(CloudEventKafka.fromRecord(record)))
                // the reason may quote the record's content: only where it was is logged
                .onFailure(MalformedEventException.class).invoke(() -> LOG.warnf(
                        "record %s-%d@%d is not a valid complaint event; sent to the dead-letter topic",
                        record.topic(), record.partition(), record.offset()));
    }

    private Uni<Void> dispatch(CloudEvent event) {
        if (EventType.COMPLAINT_SUBMITTED.type().equals(event.type())) {
            ComplaintSubmitted report = submitted(event);
            return once(event, () -> tipOffs.reportReceived(event.id(), report));
        }
        LOG.debugf("skipped event %s of type %s", event.id(), event.type());
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> once(CloudEvent event, Supplier<Uni<?>> effect) {
        return idempotent.once(CONSUMER, event, effect).invoke(applied -> {
            if (!applied) {
                LOG.debugf("event %s was processed before; skipped", event.id());
            }
        }).replaceWithVoid();
    }

    private static ComplaintSubmitted submitted(CloudEvent event) {
        ComplaintSubmitted report = event.dataAs(ComplaintSubmitted.class);
        if (report.reportId() == null || isBlank(report.trackingNumber()) || isBlank(report.itemCode())
                || isBlank(report.communityCode()) || report.receivedAt() == null) {
            throw new MalformedEventException(event.type() + " " + event.id()
                    + " lacks one of reportId, trackingNumber, itemCode, communityCode, receivedAt");
        }
        return report;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
