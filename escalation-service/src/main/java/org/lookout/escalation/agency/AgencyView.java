package org.lookout.escalation.agency;

import java.time.Instant;

import org.lookout.escalation.domain.Agency;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One agency of the directory. {@code webhookUrl} (where the agency's events are delivered) only for the admin who
 * edits the directory; staff and supervisors read the entry without it (the member is absent).
 */
public record AgencyView(String code, String kind, String nameZh, String nameEn, String jurisdiction,
        String oidcClientId, @JsonInclude(JsonInclude.Include.NON_NULL) String webhookUrl, boolean active,
        Instant updatedAt) {

    static AgencyView of(Agency agency, boolean admin) {
        return new AgencyView(agency.code, agency.kind.name(), agency.nameZh, agency.nameEn, agency.jurisdiction,
                agency.oidcClientId, admin ? agency.webhookUrl : null, agency.active, agency.updatedAt);
    }
}
