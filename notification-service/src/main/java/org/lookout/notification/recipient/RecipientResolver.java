package org.lookout.notification.recipient;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.CloudEvent;
import org.lookout.notification.domain.Address;
import org.lookout.notification.domain.Audience;
import org.lookout.notification.domain.ReportFacts;
import org.lookout.outbox.RetryableConsumerException;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * Whom an audience of a rule means for one event, as addresses: the reporter and the assignee by their pseudonyms (from
 * the event, else from the report's facts), a role in the event's scope as its group inbox, each agency an escalation is
 * addressed to. A street comes from the event, else from the copy of the community; when that copy has not arrived yet
 * the event waits for it (retried, never dropped).
 */
@ApplicationScoped
public class RecipientResolver {

    private final ReporterRefs reporters;
    private final CommunityCopyRepository communities;

    RecipientResolver(ReporterRefs reporters, CommunityCopyRepository communities) {
        this.reporters = reporters;
        this.communities = communities;
    }

    /** Distinct addresses, in a stable order; none when the event names nobody of the audience. */
    public Uni<List<String>> resolve(Audience audience, CloudEvent event, ReportFacts facts) {
        JsonNode data = event.data();
        String community = text(data, "communityCode", facts == null ? null : facts.communityCode);
        return switch (audience) {
            case REPORTER -> Uni.createFrom().item(reporter(event, facts));
            case ASSIGNEE -> Uni.createFrom().item(one(text(data, "assigneeRef", null)));
            case COMMUNITY_STAFF -> Uni.createFrom().item(community == null ? List.of() : List.of(Address.staff(community)));
            case COMMUNITY_HEADS -> Uni.createFrom().item(community == null ? List.of() : List.of(Address.heads(community)));
            case COMMUNITY_RESIDENTS -> Uni.createFrom()
                    .item(community == null ? List.of() : List.of(Address.residents(community)));
            case STREET_SUPERVISORS -> street(data, community).map(street -> street == null ? List.<String> of()
                    : List.of(Address.supervisors(street)));
            case STREET_INSPECTORS -> street(data, community).map(street -> street == null ? List.<String> of()
                    : List.of(Address.inspectors(street)));
            case AGENCY -> Uni.createFrom().item(agencies(data));
        };
    }

    private List<String> reporter(CloudEvent event, ReportFacts facts) {
        String subject = event.data().path("reportId").asText(event.subject());
        String fromEvent;
        try {
            fromEvent = reporters.of(UUID.fromString(subject), event.data()).orElse(null);
        } catch (IllegalArgumentException notAReport) {
            fromEvent = null;
        }
        return one(fromEvent != null ? fromEvent : facts == null ? null : facts.reporterRef);
    }

    private Uni<String> street(JsonNode data, String community) {
        String street = text(data, "streetCode", null);
        if (street != null || community == null) {
            return Uni.createFrom().item(street);
        }
        return communities.findById(community).map(copy -> {
            if (copy == null) {
                throw new RetryableConsumerException("the street of community " + community + " has not arrived yet");
            }
            return copy.streetCode;
        });
    }

    private static List<String> agencies(JsonNode data) {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode agency : data.path("agencies")) {
            codes.add(agency.path("agencyCode").asText());
        }
        if (data.hasNonNull("agencyCode")) {
            codes.add(data.get("agencyCode").asText());
        }
        List<String> addresses = new ArrayList<>();
        codes.stream().filter(code -> !code.isBlank()).forEach(code -> addresses.add(Address.agency(code)));
        return addresses;
    }

    private static List<String> one(String address) {
        return address == null || address.isBlank() ? List.of() : List.of(address);
    }

    private static String text(JsonNode data, String field, String fallback) {
        JsonNode value = data.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : fallback;
    }
}
