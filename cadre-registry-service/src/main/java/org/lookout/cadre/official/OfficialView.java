package org.lookout.cadre.official;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.domain.Official;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An official as the caller may see it: everything for an inspector of the street, only id, name and post for staff of
 * the community (the other fields absent).
 */
@Schema(name = "Official")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfficialView(UUID id, String name, String post, String employer, String rank, String communityCode,
        String building, String phone, LocalDate registeredOn, String status, String source, String externalId,
        Boolean missingCommitment, Instant updatedAt) {

    public static OfficialView full(Official official) {
        return new OfficialView(official.id, official.name, official.post, official.employer, official.rank,
                official.communityCode, official.building, official.phone, official.registeredOn, official.status.name(),
                official.source.name(), official.externalId, null, official.updatedAt);
    }

    public static OfficialView nameAndPost(Official official) {
        return new OfficialView(official.id, official.name, official.post, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
