package org.lookout.idempotency;

/** A row of {@code idempotency_key} as a retry sees it; the answer fields are null while {@code IN_PROGRESS}. */
public record StoredAnswer(String fingerprint, boolean completed, Integer status, String contentType, String location,
        byte[] body) {
}
