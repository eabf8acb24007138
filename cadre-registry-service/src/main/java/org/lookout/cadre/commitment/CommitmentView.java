package org.lookout.cadre.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.domain.Commitment;

/** An official's newest commitment letter, without its bytes. */
@Schema(name = "Commitment")
public record CommitmentView(UUID id, UUID officialId, LocalDate signedOn, String mediaType, int size, String sha256,
        Instant uploadedAt) {

    static CommitmentView of(Commitment commitment) {
        return new CommitmentView(commitment.id, commitment.officialId, commitment.signedOn, commitment.mediaType,
                commitment.size, commitment.sha256, commitment.uploadedAt);
    }
}
