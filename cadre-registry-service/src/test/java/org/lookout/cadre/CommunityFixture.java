package org.lookout.cadre;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.GoldenEvents;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * complaint-service's communities as it publishes them, put on {@code lookout.complaint.reference.v1} before the
 * application starts (after {@code RealInfrastructure}), so this service builds its copy from events as in production:
 * two communities of street {@value #STREET}, and one of {@value #OTHER_STREET}, the street of the second inspector.
 */
public class CommunityFixture implements QuarkusTestResourceLifecycleManager {

    public static final String STREET = "DCYJD";
    public static final String OTHER_STREET = "XHMJD";
    public static final String COMMUNITY = "DCY";
    public static final String NEIGHBOUR = "DCN";
    public static final String OTHER = "XHM";
    private static final Instant SEEDED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private static final List<CommunityChanged> COMMUNITIES = List.of(
            new CommunityChanged(COMMUNITY, STREET, "东朝阳路南社区", "Dongchaoyang Road South", true, 1, SEEDED_AT),
            new CommunityChanged(NEIGHBOUR, STREET, "东朝阳路北社区", "Dongchaoyang Road North", true, 1, SEEDED_AT),
            new CommunityChanged(OTHER, OTHER_STREET, "杏花门社区", "Xinghuamen", true, 1, SEEDED_AT));

    @Override
    public Map<String, String> start() {
        COMMUNITIES.forEach(community -> GoldenEvents.send(CloudEvent.of("/lookout/complaint-service",
                EventType.COMPLAINT_COMMUNITY_CHANGED, CommunityChanged.key(community.communityCode()),
                community.changedAt(), community)));
        return Map.of();
    }

    @Override
    public void stop() {
        // the records stay on the topic, as complaint-service's would
    }

    /** After RealInfrastructure, whose broker it writes to. */
    @Override
    public int order() {
        return 10;
    }
}
