package org.lookout.complaint.open311;

import java.time.Instant;
import java.util.UUID;

import org.lookout.complaint.domain.Open311ApiKey;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A client key as admin sees it: its first characters ({@code keyPrefix}), who issued and revoked it, when. The key
 * itself ({@code key}) only in the answer that issued it: it is stored as a hash and never shown again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(UUID id, String name, String keyPrefix, String key, String createdBy, Instant createdAt,
        String revokedBy, Instant revokedAt) {

    static ApiKeyView of(Open311ApiKey key) {
        return new ApiKeyView(key.id, key.name, key.keyPrefix, null, key.createdBy, key.createdAt, key.revokedBy,
                key.revokedAt);
    }

    static ApiKeyView issued(Open311ApiKey key, String plain) {
        return new ApiKeyView(key.id, key.name, key.keyPrefix, plain, key.createdBy, key.createdAt, null, null);
    }
}
