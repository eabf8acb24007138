package org.lookout.escalation.agency;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.domain.Agency;
import org.lookout.escalation.domain.AgencyChange;
import org.lookout.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The agency directory, maintained by admin; every change is audited with the entry before and after. */
@ApplicationScoped
public class AgencyService {

    /** Plain http is accepted only to this machine (a local relay or a test double). */
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost");

    /** The entry as stored, and whether this call created it. */
    public record Saved(Agency agency, boolean created) {
    }

    private final AgencyRepository agencies;
    private final AgencyChangeRepository changes;
    private final ObjectMapper json;
    private final Clock clock;

    AgencyService(AgencyRepository agencies, AgencyChangeRepository changes, ObjectMapper json, Clock clock) {
        this.agencies = agencies;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<Agency>> all() {
        return agencies.all();
    }

    @WithSession
    public Uni<Agency> byCode(String code) {
        return agencies.findById(code).map(agency -> {
            if (agency == null) {
                throw ProblemException.notFound("agency " + code);
            }
            return agency;
        });
    }

    /** Creates or replaces the entry {@code code}; 409 when its OIDC client already acts for another agency. */
    @WithTransaction
    public Uni<Saved> put(String code, SaveAgencyRequest entry, String actor) {
        String webhook = webhook(entry.webhookUrl());
        String client = blankToNull(entry.oidcClientId());
        Agency.checkActsThrough(entry.kind(), client, entry.active() == null || entry.active());
        Uni<Void> clientFree = client == null ? Uni.createFrom().voidItem()
                : agencies.otherWithClient(client, code).map(other -> {
                    if (other != null) {
                        throw ProblemException.conflict("the OIDC client " + client + " already acts for agency "
                                + other.code);
                    }
                    return null;
                });
        Instant now = clock.instant();
        return clientFree.chain(() -> agencies.forUpdate(code)).chain(stored -> {
            String before = stored == null ? null : snapshot(stored);
            Agency agency = stored != null ? stored : new Agency();
            agency.code = code;
            agency.kind = entry.kind();
            agency.nameZh = entry.nameZh().strip();
            agency.nameEn = entry.nameEn().strip();
            agency.jurisdiction = entry.jurisdiction();
            agency.oidcClientId = client;
            agency.webhookUrl = webhook;
            agency.active = entry.active() == null || entry.active();
            agency.updatedAt = now;
            Uni<Agency> saved = stored != null ? Uni.createFrom().item(agency) : agencies.persist(agency);
            return saved.chain(() -> audit(code, before, snapshot(agency), actor, now))
                    .replaceWith(new Saved(agency, stored == null));
        });
    }

    private Uni<Void> audit(String code, String before, String after, String actor, Instant now) {
        AgencyChange change = new AgencyChange();
        change.id = UUID.randomUUID();
        change.at = now;
        change.actor = actor;
        change.agencyCode = code;
        change.oldValue = before;
        change.newValue = after;
        return changes.persist(change).replaceWithVoid();
    }

    /** An https address, or http to this machine; null when none is given. */
    private static String webhook(String value) {
        String address = blankToNull(value);
        if (address == null) {
            return null;
        }
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            String host = uri.getHost();
            if (host == null || uri.getUserInfo() != null) {
                throw ProblemException.badRequest("webhookUrl", "must be an absolute URL with a host and no credentials");
            }
            if (scheme.equals("https") || (scheme.equals("http") && LOCAL_HOSTS.contains(host.toLowerCase()))) {
                return address;
            }
            throw ProblemException.badRequest("webhookUrl", "must be https (plain http only to 127.0.0.1 or localhost)");
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("webhookUrl", "must be a URL");
        }
    }

    private String snapshot(Agency agency) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", agency.code);
        fields.put("kind", agency.kind.name());
        fields.put("nameZh", agency.nameZh);
        fields.put("nameEn", agency.nameEn);
        fields.put("jurisdiction", agency.jurisdiction);
        fields.put("oidcClientId", agency.oidcClientId);
        fields.put("webhookUrl", agency.webhookUrl);
        fields.put("active", agency.active);
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an agency entry could not be written as JSON", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
