package org.lookout.complaint.intake;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.AnonymousTracking;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportHistoryEntry;
import org.lookout.complaint.domain.ReporterIdentity;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.outbox.EventTracing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The writes of one intake in one statement, numbering last. Tracking numbers are gap-free per community and year: the
 * counter row ({@code tracking_counter}) is bumped inside the report's transaction, so a rolled-back intake gives its
 * number back and concurrent intakes of a community queue on the row. To hold that row lock as briefly as possible,
 * the bump, the report, its first history entry and its {@code submitted} event are one statement — a single round
 * trip — whose data-modifying parts run together: the counter is locked when the statement starts and released at
 * commit, which follows in the next round trip (nothing else of the intake's writes comes between, except the
 * encrypted identity and the tracking hash of the reports that have them, which reference the report). Everything that
 * does not need the number (checks, the possible duplicates) runs before. The history row names its community itself
 * (V66's trigger would look it up in the report, which a sibling part of this statement writes: PostgreSQL does not
 * promise the order of those parts).
 *
 * <p>The event is built by {@link org.lookout.complaint.messaging.outgoing.ComplaintEvents} as for every other event,
 * with {@link #PROVISIONAL_NUMBER} as tracking number; the statement puts the drawn number in its place.
 */
@ApplicationScoped
public class IntakeRepository {

    /** Stands for the tracking number in the event until the statement draws it (never stored). */
    static final String PROVISIONAL_NUMBER = "@tracking-number@";

    private static final byte[] NOTHING = new byte[0];

    private final EventTracing tracing;

    IntakeRepository(EventTracing tracing) {
        this.tracing = tracing;
    }

    /**
     * Longest statement the reactive client keeps prepared ({@code PgConnectOptions}' default SQL limit): a longer one
     * is sent unnamed and PostgreSQL plans it again on every call.
     */
    static final int PREPARED_STATEMENT_CACHE_SQL_LIMIT = 2048;

    /**
     * The intake's statement, its whitespace collapsed to single spaces (no literal in it holds one) so that it stays
     * under {@link #PREPARED_STATEMENT_CACHE_SQL_LIMIT} (about 2,100 characters as sent before): the client keeps it prepared
     * (the outbox library turns the cache on) and PostgreSQL plans it once per connection, not for every report.
     */
    static final String NUMBERED_INTAKE = """
            with counter as (
                   insert into tracking_counter (community_code, year, last_value) values (:community, :year, 1)
                   on conflict (community_code, year) do update set last_value = tracking_counter.last_value + 1
                   returning community_code, year, last_value),
                 numbered as (
                   select community_code || '-' || year || '-'
                          || lpad(last_value::text, greatest(6, length(last_value::text)), '0') as tracking_number
                     from counter),
                 report_row as (
                   insert into report (id, tracking_number, item_code, category_code, community_code, title, description,
                                       channel, status, anonymous, confidential, filed_by_ref, filed_by_role, address,
                                       building, latitude, longitude, occurred_at, received_at, version, due_provisional)
                   values (:id, (select tracking_number from numbered), :item, :category, :community, :title, :description,
                           :channel, :status, :anonymous, :confidential, :filedByRef, :filedByRole, :address,
                           :building, :latitude, :longitude, :occurredAt, :receivedAt, :version, :dueProvisional)
                   returning tracking_number),
                 history as (
                   insert into report_history (report_id, community_code, at, from_status, to_status, actor_role, note)
                   values (:id, :community, :receivedAt, null, :status, :filedByRole, :note)),
                 outbox as (
                   insert into outbox_event (event_id, topic, partition_key, event_type, source, subject, occurred_at, payload,
                                             trace_parent, trace_state)
                   values (:eventId, :topic, :partitionKey, :eventType, :source, :subject, :occurredAtEvent,
                           replace(:payload, :provisional, (select tracking_number from numbered)),
                           nullif(cast(:traceParent as varchar), ''), nullif(cast(:traceState as varchar), ''))),
                 identity as (
                   insert into reporter_identity (report_id, key_id, name_enc, phone_enc)
                   select cast(:id as uuid), cast(:keyId as varchar), nullif(cast(:nameEnc as bytea), ''::bytea), nullif(cast(:phoneEnc as bytea), ''::bytea)
                    where cast(:withIdentity as boolean)),
                 tracking as (
                   insert into anonymous_tracking (code, report_id, secret_hash)
                   select cast(:trackingCode as varchar), cast(:id as uuid), cast(:secretHash as bytea)
                    where cast(:withTracking as boolean))
            select tracking_number from report_row""".replaceAll("\\s+", " ");

    /**
     * Stores {@code report} (its tracking number is drawn here and returned), {@code first} (its first history entry),
     * {@code submitted} (its event, for the outbox) and, when not null, {@code identity} (the encrypted name and phone)
     * and {@code tracking} (an anonymous report's code and secret hash). One statement: outside a transaction it commits
     * by itself, and the counter row is locked only while PostgreSQL runs and commits it — never across a round trip.
     */
    public Uni<String> receive(Report report, ReportHistoryEntry first, CloudEvent submitted, int year,
            ReporterIdentity identity, AnonymousTracking tracking) {
        String payload = EventJson.write(submitted.data());
        if (payload.indexOf(PROVISIONAL_NUMBER) != payload.lastIndexOf(PROVISIONAL_NUMBER)
                || !payload.contains(PROVISIONAL_NUMBER)) {
            throw new IllegalStateException("the submitted event names its provisional tracking number once");
        }
        // the request's trace context, as Outbox.publish stores it with every other event
        Map<String, String> traceContext = tracing.current();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(NUMBERED_INTAKE, Object.class)
                        .setParameter("community", report.communityCode)
                        .setParameter("year", year)
                        .setParameter("id", report.id)
                        .setParameter("item", report.itemCode)
                        .setParameter("category", report.categoryCode)
                        .setParameter("title", report.title)
                        .setParameter("description", report.description)
                        .setParameter("channel", report.channel.name())
                        .setParameter("status", report.status.name())
                        .setParameter("anonymous", report.anonymous)
                        .setParameter("confidential", report.confidential)
                        .setParameter("filedByRef", report.filedByRef)
                        .setParameter("filedByRole", report.filedByRole)
                        .setParameter("address", report.address)
                        .setParameter("building", report.building)
                        .setParameter("latitude", report.latitude)
                        .setParameter("longitude", report.longitude)
                        .setParameter("occurredAt", report.occurredAt)
                        .setParameter("receivedAt", report.receivedAt)
                        .setParameter("version", report.version)
                        .setParameter("dueProvisional", report.dueProvisional)
                        .setParameter("note", first.note)
                        .setParameter("eventId", UUID.fromString(submitted.id()))
                        .setParameter("topic", EventType.COMPLAINT_SUBMITTED.topic())
                        .setParameter("partitionKey", submitted.subject())
                        .setParameter("eventType", submitted.type())
                        .setParameter("source", submitted.source())
                        .setParameter("subject", submitted.subject())
                        .setParameter("occurredAtEvent", submitted.time())
                        .setParameter("payload", payload)
                        .setParameter("provisional", PROVISIONAL_NUMBER)
                        .setParameter("traceParent", traceContext.getOrDefault(EventTracing.TRACEPARENT, ""))
                        .setParameter("traceState", traceContext.getOrDefault(EventTracing.TRACESTATE, ""))
                        .setParameter("withIdentity", identity != null)
                        .setParameter("keyId", identity == null ? "" : identity.keyId)
                        .setParameter("nameEnc", identity == null ? NOTHING : orNothing(identity.nameEncrypted))
                        .setParameter("phoneEnc", identity == null ? NOTHING : orNothing(identity.phoneEncrypted))
                        .setParameter("withTracking", tracking != null)
                        .setParameter("trackingCode", tracking == null ? "" : tracking.code)
                        .setParameter("secretHash", tracking == null ? NOTHING : tracking.secretHash)
                        .getSingleResult())
                .map(String.class::cast);
    }

    /** A null name or phone stays null: an empty array stands for it in the binding and is turned back in SQL. */
    private static byte[] orNothing(byte[] value) {
        return value == null ? NOTHING : value;
    }
}
