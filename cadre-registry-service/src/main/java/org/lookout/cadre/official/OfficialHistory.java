package org.lookout.cadre.official;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.cadre.domain.Official;
import org.lookout.cadre.domain.OfficialChange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Writes an official's history: every change with who, when, and the values before and after. */
@ApplicationScoped
public class OfficialHistory {

    private final OfficialChangeRepository changes;
    private final ObjectMapper json;

    OfficialHistory(OfficialChangeRepository changes, ObjectMapper json) {
        this.changes = changes;
        this.json = json;
    }

    /** A new registration: every field from nothing to its value. */
    public Uni<Void> registered(Official official, String actor, String role, String action) {
        Map<String, Official.Change> all = new LinkedHashMap<>();
        Official blank = new Official();
        all.putAll(blank.edit(new Official.Form(official.name, official.employer, official.post, official.rank,
                official.communityCode, official.building, official.phone, official.registeredOn, official.externalId),
                official.createdAt));
        all.put("status", new Official.Change(null, official.status.name()));
        return record(official, official.createdAt, actor, role, action, all);
    }

    public Uni<Void> record(Official official, Instant at, String actor, String role, String action,
            Map<String, Official.Change> changed) {
        return changes.persist(OfficialChange.of(official.id, at, actor, role, action, write(changed))).replaceWithVoid();
    }

    /** The history rows of many officials at once (an import's batch). */
    public Uni<Void> recordAll(List<OfficialChange> entries) {
        return changes.persist(entries).replaceWithVoid();
    }

    public String write(Map<String, Official.Change> changed) {
        try {
            return json.writeValueAsString(changed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("changes are plain strings", e);
        }
    }
}
