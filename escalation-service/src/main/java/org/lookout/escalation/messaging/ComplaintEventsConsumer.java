package org.lookout.escalation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventType;
import org.lookout.contracts.MalformedEventException;
import org.lookout.escalation.service.SlaClockService;

import io.smallrye.mutiny.Uni;

/**
 * Report events from complaint-service. One record at a time, so one report's events are applied in order. A record that
 * is not a valid CloudEvent fails and goes to the dead-letter topic; types this service does not use are skipped.
 */
@ApplicationScoped
public class ComplaintEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ComplaintEventsConsumer.class);

    private final SlaClockService clocks;

    ComplaintEventsConsumer(SlaClockService clocks) {
        this.clocks = clocks;
    }

    @Incoming("lookout-complaint-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        CloudEvent event;
        ComplaintSubmitted submitted;
        try {
            event = CloudEventKafka.fromRecord(record);
            if (!EventType.COMPLAINT_SUBMITTED.type().equals(event.type())) {
                LOG.debugf("skipped event %s of type %s", event.id(), event.type());
                return Uni.createFrom().voidItem();
            }
            submitted = valid(event.dataAs(ComplaintSubmitted.class));
        } catch (MalformedEventException e) {
            // the reason stays out of the log: it may quote the record; the dead-letter record carries it
            LOG.warnf("record %s-%d@%d is not a valid CloudEvent; sent to the dead-letter topic", record.topic(),
                    record.partition(), record.offset());
            return Uni.createFrom().failure(e);
        }
        return clocks.onSubmitted(event, submitted).invoke(applied -> LOG.debugf("event %s for report %s %s", event.id(),
                submitted.reportId(), applied ? "started its clocks" : "was a repeat; skipped"))
                .replaceWithVoid();
    }

    private static ComplaintSubmitted valid(ComplaintSubmitted submitted) {
        if (submitted.reportId() == null || submitted.communityCode() == null || submitted.itemCode() == null
                || submitted.receivedAt() == null) {
            throw new MalformedEventException("submitted event lacks reportId, communityCode, itemCode or receivedAt");
        }
        return submitted;
    }
}
