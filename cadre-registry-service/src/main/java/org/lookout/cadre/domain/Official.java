package org.lookout.cadre.domain;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lookout.contracts.OfficialStatus;
import org.lookout.contracts.RegistrationSource;
import org.lookout.problem.ProblemException;

/**
 * An in-service leading official who lives in a community (住社区在职领导干部登记表). The most sensitive facts of the
 * registry after the archive: inspectors of the community's street read all of it, community staff only name and post.
 * It owns its changes: {@link #edit} answers what changed, {@link #moveTo} checks {@link OfficialStatuses}.
 */
@Entity
@Table(name = "official")
public class Official {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String employer;

    @Column(nullable = false)
    public String post;

    public String rank;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    public String building;

    public String phone;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfficialStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationSource source;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "natural_key", nullable = false)
    public String naturalKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /** What a registration form says about an official. */
    public record Form(String name, String employer, String post, String rank, String communityCode, String building,
            String phone, LocalDate registeredOn, String externalId) {
    }

    /** A new registration: {@code ACTIVE} when an inspector (or an import) registers, {@code PENDING} for staff. */
    public static Official register(Form form, RegistrationSource source, Instant at) {
        Official official = new Official();
        official.id = UUID.randomUUID();
        official.source = source;
        official.status = source == RegistrationSource.COMMUNITY_STAFF ? OfficialStatus.PENDING : OfficialStatus.ACTIVE;
        official.createdAt = at;
        official.apply(form, at);
        return official;
    }

    /**
     * Takes the form's values; answers each field that changed with its value before and after (empty when none did).
     * The external id is kept when the form has none.
     */
    public Map<String, Change> edit(Form form, Instant at) {
        Map<String, Change> changes = new LinkedHashMap<>();
        compare(changes, "name", name, form.name());
        compare(changes, "employer", employer, form.employer());
        compare(changes, "post", post, form.post());
        compare(changes, "rank", rank, form.rank());
        compare(changes, "communityCode", communityCode, form.communityCode());
        compare(changes, "building", building, form.building());
        compare(changes, "phone", phone, form.phone());
        compare(changes, "registeredOn", text(registeredOn), text(form.registeredOn()));
        if (form.externalId() != null) {
            compare(changes, "externalId", externalId, form.externalId());
        }
        if (!changes.isEmpty()) {
            String keptId = externalId;
            apply(form, at);
            if (form.externalId() == null) {
                externalId = keptId;
            }
        }
        return changes;
    }

    /** Moves the registration on (confirm, transfer, retire, …); 409 {@code illegal-transition} when the table forbids it. */
    public Change moveTo(OfficialStatus target, Instant at) {
        if (!OfficialStatuses.mayMove(status, target)) {
            throw ProblemException.illegalTransition(status, "move to " + target, OfficialStatuses.next(status));
        }
        Change change = new Change(status.name(), target.name());
        status = target;
        updatedAt = at;
        return change;
    }

    /** Name + employer + community, normalised (width, case, spaces): the same official however a form spells it. */
    public static String naturalKey(String name, String employer, String communityCode) {
        return normalise(name) + "|" + normalise(employer) + "|" + normalise(communityCode);
    }

    /** A value before and after a change. */
    public record Change(String from, String to) {
    }

    private void apply(Form form, Instant at) {
        name = form.name();
        employer = form.employer();
        post = form.post();
        rank = form.rank();
        communityCode = form.communityCode();
        building = form.building();
        phone = form.phone();
        registeredOn = form.registeredOn();
        externalId = form.externalId();
        naturalKey = naturalKey(form.name(), form.employer(), form.communityCode());
        updatedAt = at;
    }

    private static void compare(Map<String, Change> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new Change(before, after));
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String normalise(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
