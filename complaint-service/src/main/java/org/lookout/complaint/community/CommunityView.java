package org.lookout.complaint.community;

import org.lookout.complaint.domain.Community;

/** A community, the street it belongs to, and whether new reports may be filed in it. */
public record CommunityView(String code, String streetCode, String nameZh, String nameEn, boolean active) {

    static CommunityView of(Community community) {
        return new CommunityView(community.code, community.streetCode, community.nameZh, community.nameEn,
                community.active);
    }
}
