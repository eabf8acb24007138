-- Shipped by the idempotency module; a service using it lists db/idempotency in quarkus.flyway.locations.
-- One row per (caller, Idempotency-Key): claimed IN_PROGRESS by the first request, COMPLETED with the answer to replay.
create table idempotency_key (
    caller           varchar(255) not null,
    idempotency_key  varchar(255) not null,
    fingerprint      char(64)     not null,
    state            varchar(16)  not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    status           integer,
    content_type     varchar(255),
    location         varchar(2048),
    body             bytea,
    created_at       timestamp(6) with time zone not null,
    expires_at       timestamp(6) with time zone not null,
    primary key (caller, idempotency_key)
);

-- the purge's query
create index idempotency_key_expires_at on idempotency_key (expires_at);
