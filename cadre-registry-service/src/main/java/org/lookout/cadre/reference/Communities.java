package org.lookout.cadre.reference;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.cadre.domain.Community;
import org.lookout.contracts.CommunityChanged;

import io.smallrye.mutiny.Uni;

/**
 * The copy of complaint-service's communities: which street a community lies in decides which inspectors see the
 * officials living there. Built only from {@code community-changed} events.
 */
@ApplicationScoped
public class Communities {

    private static final Logger LOG = Logger.getLogger(Communities.class);

    private final CommunityRepository communities;

    Communities(CommunityRepository communities) {
        this.communities = communities;
    }

    /** Applies a change when its revision is newer than the copy's; runs in the consuming transaction. */
    public Uni<Void> apply(CommunityChanged community) {
        return communities.storeIfNewer(community)
                .invoke(stored -> LOG.debugf("community %s revision %d %s", community.communityCode(),
                        community.revision(), stored ? "stored" : "older than the copy; skipped"))
                .replaceWithVoid();
    }

    /** The street of a community the copy knows; empty for one it does not. */
    public Uni<Optional<String>> streetOf(String communityCode) {
        return communities.findById(communityCode).map(found -> Optional.ofNullable(found).map(c -> c.streetCode));
    }

    /** The communities the copy knows among these, with their street. */
    public Uni<Map<String, Community>> known(Collection<String> codes) {
        return communities.ofCodes(codes).map(found -> found.stream()
                .collect(Collectors.toMap(community -> community.code, community -> community)));
    }

    /** The codes of the communities in these streets. */
    public Uni<List<String>> inStreets(Collection<String> streets) {
        return streets.isEmpty() ? Uni.createFrom().item(List.of()) : communities.codesInStreets(streets);
    }
}
