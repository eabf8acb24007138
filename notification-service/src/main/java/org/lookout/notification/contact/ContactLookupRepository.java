package org.lookout.notification.contact;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** What the delivery worker reads of a person's own settings (plain SQL: it works outside any session). */
@ApplicationScoped
public class ContactLookupRepository {

    /** One person's stored contact details and language. */
    public record Stored(String email, boolean emailVerified, String phone, boolean phoneVerified, String language) {
    }

    private final Pool pool;

    ContactLookupRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<Stored>> of(String recipientRef) {
        return pool.preparedQuery("select c.email, c.email_verified, c.phone, c.phone_verified, p.language"
                + " from (select $1::varchar as ref) me"
                + " left join contact c on c.recipient_ref = me.ref left join preference p on p.recipient_ref = me.ref")
                .execute(Tuple.of(recipientRef)).map(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getString("email") == null && row.getString("phone") == null
                            && row.getString("language") == null) {
                        return Optional.empty();
                    }
                    return Optional.of(new Stored(row.getString("email"), Boolean.TRUE.equals(row.getBoolean("email_verified")),
                            row.getString("phone"), Boolean.TRUE.equals(row.getBoolean("phone_verified")),
                            row.getString("language")));
                });
    }
}
