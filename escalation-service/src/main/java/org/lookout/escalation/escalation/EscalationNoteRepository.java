package org.lookout.escalation.escalation;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.domain.EscalationNote;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EscalationNoteRepository implements PanacheRepositoryBase<EscalationNote, UUID> {

    /** The notes of an escalation in the order they were written. */
    public Uni<List<EscalationNote>> of(UUID escalationId) {
        return list("escalationId", Sort.ascending("at", "id"), escalationId);
    }
}
