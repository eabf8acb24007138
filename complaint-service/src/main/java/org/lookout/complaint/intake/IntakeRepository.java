package org.lookout.complaint.intake;

import java.util.HashMap;
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
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The writes of one intake in one statement, numbering last. Tracking numbers are gap-free per community and year: the
 * counter row ({@code tracking_counter}) is bumped inside the report's transaction, so a rolled-back intake gives its
 * number back and concurrent intakes of a community queue on the row. To hold that row lock as briefly as possible,
 * the bump, the report, its first history entry and its {@code submitted} event are one statement — a single round
 * trip — whose data-modifying parts run together (the encrypted identity and an anonymous report's tracking hash
 * included): the counter is locked when the statement starts and released at commit. Intake through the API runs it
 * on the pool outside any transaction, so it commits as it ends; Open311 and public intake run it in their own
 * transaction ({@link NamedStatement}). Everything that does not need the number (checks, the possible duplicates)
 * runs before. The history row names its community itself
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
    private final Pool pool;

    IntakeRepository(EventTracing tracing, Pool pool) {
        this.tracing = tracing;
        this.pool = pool;
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

    private static final NamedStatement NUMBERED = NamedStatement.of(NUMBERED_INTAKE);

    /**
     * Stores {@code report} (its tracking number is drawn here and returned), {@code first} (its first history entry),
     * {@code submitted} (its event, for the outbox) and, when not null, {@code identity} (the encrypted name and phone)
     * and {@code tracking} (an anonymous report's code and secret hash). One statement: {@code standalone}, it runs on
     * the pool and commits by itself, and the counter row is locked only while PostgreSQL runs and commits it — never
     * across a round trip; otherwise in the current session's transaction, until that commits.
     */
    public Uni<String> receive(Report report, ReportHistoryEntry first, CloudEvent submitted, int year,
            ReporterIdentity identity, AnonymousTracking tracking, boolean standalone) {
        String payload = EventJson.write(submitted.data());
        if (payload.indexOf(PROVISIONAL_NUMBER) != payload.lastIndexOf(PROVISIONAL_NUMBER)
                || !payload.contains(PROVISIONAL_NUMBER)) {
            throw new IllegalStateException("the submitted event names its provisional tracking number once");
        }
        // the request's trace context, as Outbox.publish stores it with every other event
        Map<String, String> traceContext = tracing.current();
        Map<String, Object> values = new HashMap<>();
        values.put("community", report.communityCode);
        values.put("year", year);
        values.put("id", report.id);
        values.put("item", report.itemCode);
        values.put("category", report.categoryCode);
        values.put("title", report.title);
        values.put("description", report.description);
        values.put("channel", report.channel.name());
        values.put("status", report.status.name());
        values.put("anonymous", report.anonymous);
        values.put("confidential", report.confidential);
        values.put("filedByRef", report.filedByRef);
        values.put("filedByRole", report.filedByRole);
        values.put("address", report.address);
        values.put("building", report.building);
        values.put("latitude", report.latitude);
        values.put("longitude", report.longitude);
        values.put("occurredAt", report.occurredAt);
        values.put("receivedAt", report.receivedAt);
        values.put("version", report.version);
        values.put("dueProvisional", report.dueProvisional);
        values.put("note", first.note);
        values.put("eventId", UUID.fromString(submitted.id()));
        values.put("topic", EventType.COMPLAINT_SUBMITTED.topic());
        values.put("partitionKey", submitted.subject());
        values.put("eventType", submitted.type());
        values.put("source", submitted.source());
        values.put("subject", submitted.subject());
        values.put("occurredAtEvent", submitted.time());
        values.put("payload", payload);
        values.put("provisional", PROVISIONAL_NUMBER);
        values.put("traceParent", traceContext.getOrDefault(EventTracing.TRACEPARENT, ""));
        values.put("traceState", traceContext.getOrDefault(EventTracing.TRACESTATE, ""));
        values.put("withIdentity", identity != null);
        values.put("keyId", identity == null ? "" : identity.keyId);
        values.put("nameEnc", identity == null ? NOTHING : orNothing(identity.nameEncrypted));
        values.put("phoneEnc", identity == null ? NOTHING : orNothing(identity.phoneEncrypted));
        values.put("withTracking", tracking != null);
        values.put("trackingCode", tracking == null ? "" : tracking.code);
        values.put("secretHash", tracking == null ? NOTHING : tracking.secretHash);
        if (standalone) {
            return NUMBERED.onPool(pool, values).map(rows -> rows.iterator().next().getString(0));
        }
        return Panache.getSession()
                .chain(session -> NUMBERED.inSession(session, Object.class, values).getSingleResult())
                .map(String.class::cast);
    }

    /** A null name or phone stays null: an empty array stands for it in the binding and is turned back in SQL. */
    private static byte[] orNothing(byte[] value) {
        return value == null ? NOTHING : value;
    }
}
