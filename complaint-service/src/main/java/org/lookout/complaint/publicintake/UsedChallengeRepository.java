package org.lookout.complaint.publicintake;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.UsedChallenge;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UsedChallengeRepository implements PanacheRepositoryBase<UsedChallenge, String> {

    /** Records the challenge as used, at once: a second use fails here on the primary key (also under a race). */
    public Uni<UsedChallenge> use(UsedChallenge challenge) {
        return persistAndFlush(challenge);
    }

    /** Forgets the challenges that expired before {@code now}: they could not be used again anyway. */
    public Uni<Long> purgeExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
