package org.lookout.complaint.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An administrator's edit of a community, with its editable fields before and after, for the audit. */
@Entity
@Table(name = "community_audit")
public class CommunityChange {

    /** The editable fields of a community, as stored in the audit's JSON columns. */
    @Schema(name = "CommunitySnapshot")
    public record Snapshot(String nameZh, String nameEn, String streetCode, boolean active) {

        public static Snapshot of(Community community) {
            return new Snapshot(community.nameZh, community.nameEn, community.streetCode, community.active);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    /** The administrator's account (OIDC subject). */
    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Snapshot before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Snapshot after;
}
