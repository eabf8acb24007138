package org.lookout.escalation.agency;

import java.time.Instant;

import org.lookout.escalation.domain.Agency;

public record AgencyView(String code, String kind, String nameZh, String nameEn, String jurisdiction,
        String oidcClientId, String webhookUrl, boolean active, Instant updatedAt) {

    static AgencyView of(Agency agency) {
        return new AgencyView(agency.code, agency.kind.name(), agency.nameZh, agency.nameEn, agency.jurisdiction,
                agency.oidcClientId, agency.webhookUrl, agency.active, agency.updatedAt);
    }
}
