package org.lookout.complaint.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An administrator's edit of a community, with its editable fields before and after, for the audit. */
@Entity
@Table(name = "community_audit")
public class CommunityChange extends AdminEdit {

    /**
     * The editable fields of a community, as stored in the audit's JSON columns; {@code boundary} (GeoJSON) is left out
     * while the community has none, as in the entries written before boundaries existed.
     */
    @Schema(name = "CommunitySnapshot")
    public record Snapshot(String nameZh, String nameEn, String streetCode, boolean active,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode boundary) {

        private static final ObjectMapper JSON = new ObjectMapper();

        public static Snapshot of(Community community) {
            return new Snapshot(community.nameZh, community.nameEn, community.streetCode, community.active,
                    geoJson(community.boundary));
        }

        private static JsonNode geoJson(String boundary) {
            try {
                return boundary == null ? null : JSON.readTree(boundary);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored community boundary is not JSON", e);
            }
        }
    }

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Snapshot before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Snapshot after;
}
