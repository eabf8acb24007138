package org.lookout.notification;

import java.time.Instant;
import java.util.UUID;

import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ItemChanged;
import org.lookout.contracts.Topics;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.testsupport.TopicProbe;

/** complaint-service's reference data as its events bring it: the demo community DCY of street DCYJD and an item. */
public final class ReferenceFixture {

    public static final String COMMUNITY = "DCY";
    public static final String STREET = "DCYJD";

    private ReferenceFixture() {
    }

    /** Publishes DCY (street DCYJD) and corridor-lighting at a revision no seed of complaint-service reaches. */
    public static void publish() {
        Instant now = Instant.now();
        send(EventType.COMPLAINT_COMMUNITY_CHANGED, CommunityChanged.key(COMMUNITY),
                new CommunityChanged(COMMUNITY, STREET, "东朝阳路南社区", "Dongchaoyang Road South", true, 1000, now));
        send(EventType.COMPLAINT_ITEM_CHANGED, ItemChanged.key("corridor-lighting"), new ItemChanged("corridor-lighting",
                "LIFE", "楼道照明", "corridor lighting", 2, false, java.util.List.of(), false, null, false, true, 1000, now));
    }

    private static void send(EventType type, String key, Object payload) {
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), "/lookout/complaint-service", type.type(), key,
                Instant.now(), EventJson.toTree(payload));
        TopicProbe.send(Topics.COMPLAINT_REFERENCE, key, CloudEventKafka.headers(event), EventJson.write(event.data()));
    }
}
