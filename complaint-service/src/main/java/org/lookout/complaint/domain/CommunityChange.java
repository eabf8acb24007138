package org.lookout.complaint.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An administrator's edit of a community, with its editable fields before and after, for the audit. */
@Entity
@Table(name = "community_audit")
public class CommunityChange extends AdminEdit {

    /** The editable fields of a community, as stored in the audit's JSON columns. */
    @Schema(name = "CommunitySnapshot")
    public record Snapshot(String nameZh, String nameEn, String streetCode, boolean active) {

        public static Snapshot of(Community community) {
            return new Snapshot(community.nameZh, community.nameEn, community.streetCode, community.active);
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
