-- Open311 GeoReport v2 (issue 15): client keys, what a request filed through Open311 adds to its report, and the
-- public update feed (servicerequestupdates).

-- The keys of client applications (city apps, FixMyStreet, a city's 12345 system). Only the SHA-256 of a key is kept:
-- it is shown once when issued. Writes need a key that is not revoked; reads need none.
create table open311_api_key (
    id          uuid         primary key,
    name        varchar(100) not null,
    key_hash    bytea        not null unique,
    key_prefix  varchar(12)  not null,
    created_by  varchar(255) not null,
    created_at  timestamp(6) with time zone not null,
    revoked_by  varchar(255),
    revoked_at  timestamp(6) with time zone
);

-- What a request filed through Open311 carries beyond its report: the client that filed it, the answers to the item's
-- questions, where its media is, the client's own address id. Email, device id and account id of the person are stored
-- encrypted like every reporter identity (AES-GCM, the report id as associated data); name and phone go to
-- reporter_identity like any channel's.
create table open311_request (
    report_id       uuid         primary key references report (id),
    api_key_id      uuid         not null references open311_api_key (id),
    answers         jsonb        not null default '{}',
    media_url       varchar(1000),
    address_id      varchar(100),
    key_id          varchar(32),
    email_enc       bytea,
    device_id_enc   bytea,
    account_id_enc  bytea
);

-- The lead agency of the escalation a report waits for (or last waited for): Open311's agency_responsible.
alter table report add column escalation_agency varchar(64);

-- The update feed. A change becomes listed once its transaction has committed: listed_at is stamped afterwards, under
-- one lock, never earlier than any window already answered (open311_feed_clock.listed_until). So a poller that asks
-- windows [start, end) one after the other sees every update once: none is stamped into a window already answered.
alter table report_history add column listed_at timestamp(6) with time zone;
update report_history set listed_at = at;
create index report_history_unlisted on report_history (id) where listed_at is null;
create index report_history_listed on report_history (listed_at, id);

create table open311_feed_clock (
    id            integer primary key check (id = 1),
    listed_until  timestamp(6) with time zone not null
);
insert into open311_feed_clock (id, listed_until) values (1, '1970-01-01T00:00:00Z');
