package org.lookout.notification.preference;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.Language;
import org.lookout.notification.domain.NotificationRule;
import org.lookout.notification.domain.Preference;
import org.lookout.notification.recipient.InboxOwner;
import org.lookout.notification.rule.RuleRepository;
import org.lookout.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A person's notification settings, by their pseudonym: the language of what they are sent, and the channels per kind.
 * The inbox is always on (it is the record of what was told); a mandatory kind (an agency's escalations, a supervisor's
 * breaches) keeps every channel its rules send it on. Only kinds a person receives personally (as reporter or assignee)
 * come by email or SMS: group notifications are read in the group inbox.
 */
@ApplicationScoped
public class PreferenceService {

    private static final Set<DeliveryChannel> CHOOSABLE = EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL,
            DeliveryChannel.SMS);
    private static final TypeReference<Map<String, List<DeliveryChannel>>> CHANNELS = new TypeReference<>() {
    };

    private final PreferenceRepository preferences;
    private final RuleRepository rules;
    private final ObjectMapper json;
    private final Clock clock;

    PreferenceService(PreferenceRepository preferences, RuleRepository rules, ObjectMapper json, Clock clock) {
        this.preferences = preferences;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
    }

    @WithSession
    public Uni<PreferencesView> of(InboxOwner owner) {
        return preferences.findById(owner.readerRef())
                .chain(preference -> rules.all().map(all -> view(preference, all)));
    }

    @WithTransaction
    public Uni<PreferencesView> save(InboxOwner owner, SavePreferencesRequest request) {
        return rules.all().chain(all -> {
            Map<String, List<DeliveryChannel>> chosen = request.channels() == null ? Map.of() : request.channels();
            for (Map.Entry<String, List<DeliveryChannel>> kind : chosen.entrySet()) {
                Set<DeliveryChannel> channels = EnumSet.noneOf(DeliveryChannel.class);
                channels.addAll(kind.getValue());
                validate(kind.getKey(), channels, all);
            }
            return preferences.findById(owner.readerRef()).chain(held -> {
                Preference preference = held != null ? held : new Preference();
                preference.recipientRef = owner.readerRef();
                preference.language = request.language();
                preference.channels = write(new TreeMap<>(chosen));
                preference.updatedAt = clock.instant();
                Uni<Preference> stored = held != null ? Uni.createFrom().item(preference) : preferences.persist(preference);
                return stored.map(saved -> view(saved, all));
            });
        });
    }

    /**
     * The channels a notification of {@code rule} comes on for the person {@code recipientRef}: their choice for its kind
     * (with every channel of a mandatory rule), else the rule's; webhooks always as the rule says. In the caller's session.
     */
    public Uni<Set<DeliveryChannel>> channelsFor(String recipientRef, NotificationRule rule) {
        return preferences.findById(recipientRef).map(preference -> {
            Set<DeliveryChannel> fromRule = rule.channelSet();
            Optional<List<DeliveryChannel>> chosen = Optional.ofNullable(preference)
                    .map(found -> read(found.channels).get(rule.kind));
            if (chosen.isEmpty()) {
                return fromRule;
            }
            Set<DeliveryChannel> channels = EnumSet.of(DeliveryChannel.INBOX);
            channels.addAll(chosen.get());
            if (rule.mandatory) {
                channels.addAll(fromRule);
            }
            if (fromRule.contains(DeliveryChannel.WEBHOOK)) {
                channels.add(DeliveryChannel.WEBHOOK);
            } else {
                channels.remove(DeliveryChannel.WEBHOOK);
            }
            return channels;
        });
    }

    /** The language a person chose; empty when they chose none. In the caller's session. */
    public Uni<Optional<Language>> languageOf(String recipientRef) {
        return preferences.findById(recipientRef).map(preference -> Optional.ofNullable(preference)
                .map(found -> found.language).filter(Language::offered).map(Language::of));
    }

    private static void validate(String kind, Set<DeliveryChannel> channels, List<NotificationRule> all) {
        String field = "channels." + kind;
        List<NotificationRule> ofKind = all.stream().filter(rule -> rule.kind.equals(kind)).toList();
        if (ofKind.isEmpty()) {
            throw ProblemException.badRequest(field, "is not a notification kind");
        }
        if (!CHOOSABLE.containsAll(channels)) {
            throw ProblemException.badRequest(field, "may hold INBOX, EMAIL and SMS only");
        }
        if (!channels.contains(DeliveryChannel.INBOX)) {
            throw ProblemException.badRequest(field, "must include INBOX: the inbox cannot be switched off");
        }
        for (NotificationRule rule : ofKind) {
            if (rule.mandatory && !channels.containsAll(rule.channelSet().stream()
                    .filter(CHOOSABLE::contains).toList())) {
                throw ProblemException.badRequest(field, "is mandatory: its channels " + rule.channels
                        + " cannot be switched off");
            }
        }
    }

    private PreferencesView view(Preference preference, List<NotificationRule> all) {
        Map<String, List<DeliveryChannel>> chosen = preference == null ? Map.of() : read(preference.channels);
        Map<String, PreferencesView.KindView> kinds = new LinkedHashMap<>();
        for (NotificationRule rule : all) {
            if (kinds.containsKey(rule.kind)) {
                continue;
            }
            boolean mandatory = all.stream().anyMatch(other -> other.kind.equals(rule.kind) && other.mandatory);
            List<DeliveryChannel> channels = chosen.containsKey(rule.kind) ? chosen.get(rule.kind)
                    : rule.channelSet().stream().filter(CHOOSABLE::contains).toList();
            kinds.put(rule.kind, new PreferencesView.KindView(channels.stream().sorted().map(Enum::name).toList(),
                    chosen.containsKey(rule.kind), mandatory));
        }
        return new PreferencesView(preference == null ? null : preference.language, kinds);
    }

    private Map<String, List<DeliveryChannel>> read(String channels) {
        try {
            return channels == null || channels.isBlank() ? Map.of() : json.readValue(channels, CHANNELS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored preferences are not JSON", e);
        }
    }

    private String write(Map<String, List<DeliveryChannel>> channels) {
        try {
            return json.writeValueAsString(channels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("preferences could not be written as JSON", e);
        }
    }
}
