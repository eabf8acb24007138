package org.lookout.complaint.open311;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.domain.Open311ApiKey;
import org.lookout.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Keys of Open311 client applications: admin issues (the key shown once) and revokes them; a write to the Open311
 * endpoint needs one that is not revoked (403 otherwise, as the spec says). Who issued and revoked a key stays on it.
 */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ApiKeyView> issue(@Valid IssueApiKeyRequest request, String actor) {
        String plain = ApiKeys.issue();
        Open311ApiKey key = new Open311ApiKey();
        key.id = UUID.randomUUID();
        key.name = request.name().strip();
        key.keyHash = ApiKeys.hash(plain);
        key.keyPrefix = ApiKeys.shown(plain);
        key.createdBy = actor;
        key.createdAt = clock.instant();
        return keys.persist(key).map(saved -> ApiKeyView.issued(saved, plain));
    }

    @WithSession
    public Uni<List<ApiKeyView>> all() {
        return keys.newestFirst().map(found -> found.stream().map(ApiKeyView::of).toList());
    }

    /** The key no longer files requests; 404 for an unknown one, 409 when it was revoked before. */
    @WithTransaction
    public Uni<ApiKeyView> revoke(UUID id, String actor) {
        return keys.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Open311 key " + id))
                .invoke(key -> key.revoke(actor, clock.instant()))
                .map(ApiKeyView::of);
    }

    /** The key a client presented, if it is one that may file; 403 in the spec's words otherwise. */
    Uni<Open311ApiKey> toFile(String presented) {
        if (presented == null) {
            return Uni.createFrom().failure(ProblemException.forbidden("api_key is missing: writes need a key"));
        }
        return keys.byHash(ApiKeys.hash(presented)).invoke(key -> {
            if (key == null || key.revoked()) {
                throw ProblemException.forbidden("api_key is not a valid key");
            }
        });
    }
}
