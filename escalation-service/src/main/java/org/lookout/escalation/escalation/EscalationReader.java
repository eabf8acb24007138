package org.lookout.escalation.escalation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationNote;
import org.lookout.escalation.domain.EscalationPart;
import org.lookout.escalation.domain.EscalationScope;
import org.lookout.escalation.domain.EscalationStatus;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Escalations as their readers may see them ({@link EscalationScope}); outside the scope answered as absent (404). */
@ApplicationScoped
public class EscalationReader {

    /** An escalation with its parts (the lead first) and the notes its reader may see (empty in lists). */
    public record Read(Escalation escalation, List<EscalationPart> parts, List<EscalationNote> notes) {
    }

    private final EscalationRepository escalations;
    private final EscalationPartRepository parts;
    private final EscalationNoteRepository notes;

    EscalationReader(EscalationRepository escalations, EscalationPartRepository parts, EscalationNoteRepository notes) {
        this.escalations = escalations;
        this.parts = parts;
        this.notes = notes;
    }

    /** The caller's escalations, newest first, optionally of one status and one report. */
    @WithSession
    public Uni<List<Read>> list(EscalationStatus status, UUID reportId, Caller caller) {
        return escalations.visible(EscalationScope.visible(caller), status, reportId).chain(found -> parts
                .ofAll(found.stream().map(escalation -> escalation.id).toList()).map(all -> {
                    Map<UUID, List<EscalationPart>> byEscalation = all.stream()
                            .collect(Collectors.groupingBy(part -> part.escalationId));
                    return found.stream().map(escalation -> new Read(escalation,
                            byEscalation.getOrDefault(escalation.id, List.of()), List.<EscalationNote>of())).toList();
                }));
    }

    /** One escalation with its parts and notes; an agency sees its own notes only. */
    @WithSession
    public Uni<Read> one(UUID id, Caller caller) {
        return escalations.findById(id).chain(escalation -> {
            if (escalation == null) {
                throw ProblemException.notFound("escalation " + id);
            }
            return parts.of(id).chain(found -> {
                if (!EscalationScope.sees(caller, escalation, found)) {
                    throw ProblemException.notFound("escalation " + id);
                }
                return notes.of(id).map(written -> new Read(escalation, found,
                        EscalationScope.notesFor(caller, found, written)));
            });
        });
    }
}
