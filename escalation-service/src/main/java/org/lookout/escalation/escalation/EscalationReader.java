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

    /** A page of a list and where the next one starts (null on the last page). */
    public record Page(List<Read> reads, EscalationCursor next) {
    }

    /**
     * A page of the caller's escalations, newest first, after the cursor's (null: from the newest), optionally of one
     * status and one report.
     */
    @WithSession
    public Uni<Page> list(EscalationStatus status, UUID reportId, EscalationCursor after, int limit, Caller caller) {
        // one more than the page, to know whether another follows
        return escalations.visible(EscalationScope.visible(caller), status, reportId, after, limit + 1).chain(read -> {
            List<Escalation> found = read.size() > limit ? read.subList(0, limit) : read;
            Escalation last = found.isEmpty() ? null : found.getLast();
            EscalationCursor next = read.size() > limit ? new EscalationCursor(last.openedAt, last.id) : null;
            return parts.ofAll(found.stream().map(escalation -> escalation.id).toList()).map(all -> {
                Map<UUID, List<EscalationPart>> byEscalation = all.stream()
                        .collect(Collectors.groupingBy(part -> part.escalationId));
                return new Page(found.stream().map(escalation -> new Read(escalation,
                        byEscalation.getOrDefault(escalation.id, List.of()), List.<EscalationNote>of())).toList(), next);
            });
        });
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
