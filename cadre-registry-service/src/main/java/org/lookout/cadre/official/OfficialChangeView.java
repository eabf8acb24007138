package org.lookout.cadre.official;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.domain.OfficialChange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One entry of an official's history, with the values before and after. */
@Schema(name = "OfficialChange")
public record OfficialChangeView(Instant at, String actor, String actorRole, String action, JsonNode changes) {

    static OfficialChangeView of(OfficialChange change, ObjectMapper json) {
        try {
            return new OfficialChangeView(change.at, change.actor, change.actorRole, change.action,
                    json.readTree(change.changes));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("official_change " + change.id + " holds no JSON", e);
        }
    }
}
