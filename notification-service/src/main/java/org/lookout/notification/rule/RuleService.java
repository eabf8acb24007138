package org.lookout.notification.rule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.EventType;
import org.lookout.notification.domain.Audience;
import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.NotificationRule;
import org.lookout.notification.domain.RuleChange;
import org.lookout.notification.template.NotificationTemplates;
import org.lookout.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The rule table, as data: admin reads it and replaces it whole; every rule that changes, appears or goes is audited
 * with the rule before and after. A rule must name a template that exists in every language, channels its audience can
 * be reached on (webhooks only for the reporter, residents and agencies: the mobile app's backend and agencies
 * subscribe), and an event type of the contract or one of this service's own triggers.
 */
@ApplicationScoped
public class RuleService {

    /** This service's own triggers (no topic carries them). */
    public static final Set<String> OWN_TRIGGERS = Set.of("lookout.notification.escalation-due-soon");
    private static final Set<Audience> WEBHOOK_AUDIENCES = EnumSet.of(Audience.REPORTER, Audience.COMMUNITY_RESIDENTS,
            Audience.AGENCY);
    private static final Set<Audience> PERSONAL_CHANNEL_AUDIENCES = EnumSet.of(Audience.REPORTER, Audience.ASSIGNEE);

    private final RuleRepository rules;
    private final RuleChangeRepository changes;
    private final NotificationTemplates templates;
    private final ObjectMapper json;
    private final Clock clock;

    RuleService(RuleRepository rules, RuleChangeRepository changes, NotificationTemplates templates, ObjectMapper json,
            Clock clock) {
        this.rules = rules;
        this.changes = changes;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<NotificationRule>> all() {
        return rules.all();
    }

    /** Replaces the whole table; answers it as stored. */
    @WithTransaction
    public Uni<List<NotificationRule>> replace(List<SaveRuleRequest> requested, String actor) {
        validate(requested);
        Instant now = clock.instant();
        return rules.all().chain(existing -> {
            Map<String, NotificationRule> byId = existing.stream()
                    .collect(Collectors.toMap(rule -> rule.id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
            List<Uni<Void>> steps = new ArrayList<>();
            Set<String> kept = new HashSet<>();
            for (SaveRuleRequest request : requested) {
                kept.add(request.id());
                NotificationRule rule = byId.get(request.id());
                String before = rule == null ? null : snapshot(rule);
                NotificationRule target = rule != null ? rule : new NotificationRule();
                apply(target, request, now);
                String after = snapshot(target);
                if (before == null) {
                    steps.add(rules.persist(target).replaceWithVoid().call(() -> audit(target.id, null, after, actor, now)));
                } else if (!before.equals(after)) {
                    steps.add(audit(target.id, before, after, actor, now));
                } else {
                    target.updatedAt = rule.updatedAt;
                }
            }
            for (NotificationRule gone : existing) {
                if (!kept.contains(gone.id)) {
                    String before = snapshot(gone);
                    steps.add(rules.delete(gone).call(() -> audit(gone.id, before, null, actor, now)));
                }
            }
            return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(step -> step).collect().last()
                    .chain(() -> rules.flush()).chain(() -> rules.all());
        });
    }

    private void validate(List<SaveRuleRequest> requested) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            SaveRuleRequest rule = requested.get(i);
            String at = "[" + i + "]";
            if (!ids.add(rule.id())) {
                throw ProblemException.badRequest(at + ".id", "appears twice");
            }
            boolean known = EventType.of(rule.eventType()).isPresent() || OWN_TRIGGERS.contains(rule.eventType())
                    || rule.eventType().matches("lookout\\.[a-z]+\\.[a-z][a-z-]*\\.v[0-9]+");
            if (!known) {
                throw ProblemException.badRequest(at + ".eventType", "is neither an event type nor a trigger of this service");
            }
            if (!templates.exists(rule.template())) {
                throw ProblemException.badRequest(at + ".template", "has no template in every language (zh-CN, en)");
            }
            Set<DeliveryChannel> channels = EnumSet.copyOf(rule.channels());
            if (channels.contains(DeliveryChannel.WEBHOOK) && !WEBHOOK_AUDIENCES.contains(rule.audience())) {
                throw ProblemException.badRequest(at + ".channels", "WEBHOOK reaches only the reporter, residents and agencies");
            }
            if ((channels.contains(DeliveryChannel.EMAIL) || channels.contains(DeliveryChannel.SMS))
                    && !PERSONAL_CHANNEL_AUDIENCES.contains(rule.audience())) {
                throw ProblemException.badRequest(at + ".channels", "EMAIL and SMS reach a person (REPORTER, ASSIGNEE), not a group");
            }
            if (!channels.contains(DeliveryChannel.INBOX)) {
                throw ProblemException.badRequest(at + ".channels", "must include INBOX: the inbox is the record of what was told");
            }
        }
    }

    private static void apply(NotificationRule rule, SaveRuleRequest request, Instant now) {
        rule.id = request.id();
        rule.eventType = request.eventType();
        rule.audience = request.audience();
        rule.kind = request.kind();
        rule.template = request.template();
        rule.channels = NotificationRule.formatChannels(EnumSet.copyOf(request.channels()));
        rule.condition = request.condition() == null ? "" : request.condition();
        rule.mandatory = Boolean.TRUE.equals(request.mandatory());
        rule.enabled = request.enabled() == null || request.enabled();
        rule.updatedAt = now;
    }

    private Uni<Void> audit(String ruleId, String before, String after, String actor, Instant now) {
        RuleChange change = new RuleChange();
        change.id = UUID.randomUUID();
        change.at = now;
        change.actor = actor;
        change.ruleId = ruleId;
        change.oldValue = before;
        change.newValue = after;
        return changes.persist(change).replaceWithVoid();
    }

    private String snapshot(NotificationRule rule) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", rule.id);
        fields.put("eventType", rule.eventType);
        fields.put("audience", rule.audience.name());
        fields.put("kind", rule.kind);
        fields.put("template", rule.template);
        fields.put("channels", rule.channels);
        fields.put("condition", rule.condition);
        fields.put("mandatory", rule.mandatory);
        fields.put("enabled", rule.enabled);
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rule could not be written as JSON", e);
        }
    }
}
