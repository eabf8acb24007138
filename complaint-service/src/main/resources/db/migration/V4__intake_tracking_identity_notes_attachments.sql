-- Anonymous tracking: a short public code and only the SHA-256 of the secret shown once to the filer.
create table anonymous_tracking (
    code        varchar(16) primary key,
    report_id   uuid        not null unique references report (id),
    secret_hash bytea       not null
);

-- The reporter's name and phone that staff record for VISIT/PHONE/LETTER reports, AES-GCM encrypted at rest
-- (iv || ciphertext+tag, the report id as associated data) under the key named by key_id, so keys can rotate.
create table reporter_identity (
    report_id  uuid        primary key references report (id),
    key_id     varchar(32) not null,
    name_enc   bytea,
    phone_enc  bytea
);

-- A note is a contact and an entry of the history and ledger: to_status stays empty (no status change) and
-- note_visibility says who may read its text (PUBLIC: also the reporter; INTERNAL: staff, supervisors, inspectors).
alter table report_history alter column to_status drop not null;
alter table report_history alter column note type varchar(2000);
alter table report_history add column note_visibility varchar(8);
alter table report_history add constraint report_history_change_or_note
    check (to_status is not null or note_visibility is not null);

-- Photos and documents of a report, in the database so that they share its backups and its transactions.
create table report_attachment (
    id              uuid        primary key,
    report_id       uuid        not null references report (id),
    media_type      varchar(32) not null,
    size_bytes      integer     not null,
    sha256          varchar(64) not null,
    content         bytea       not null,
    uploaded_by_ref varchar(64) not null,
    uploaded_by_role varchar(16) not null,
    uploaded_at     timestamp(6) with time zone not null
);

create index report_attachment_report on report_attachment (report_id, uploaded_at);
