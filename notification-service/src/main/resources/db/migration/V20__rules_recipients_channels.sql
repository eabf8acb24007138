-- Issue 12: who is told what (rules as data), whom an event concerns (copies built from events), every channel (inbox,
-- live stream, email, SMS, webhooks) and the delivery log. Recipients stay addresses, never people: a personal address is
-- the keyed pseudonym of an account (rp1_...), a group address names a role in a scope (group:staff:DCY), a webhook
-- address names a subscription (webhook:<id>).

-- ---------------------------------------------------------------- rules
create table notification_rule (
    id         varchar(80)  primary key,
    -- the CloudEvents type that triggers it, or one of this service's own triggers (lookout.notification.*)
    event_type varchar(100) not null,
    audience   varchar(32)  not null check (audience in ('REPORTER', 'ASSIGNEE', 'COMMUNITY_STAFF', 'COMMUNITY_HEADS',
                   'STREET_SUPERVISORS', 'STREET_INSPECTORS', 'AGENCY', 'COMMUNITY_RESIDENTS')),
    kind       varchar(40)  not null,
    template   varchar(80)  not null,
    -- comma-separated: INBOX, EMAIL, SMS, WEBHOOK
    channels   varchar(60)  not null,
    -- "field=value" pairs joined by '&', read from the event's data; empty: always
    condition  varchar(200) not null default '',
    mandatory  boolean      not null default false,
    enabled    boolean      not null default true,
    updated_at timestamp(6) with time zone not null default now(),
    version    integer      not null default 0
);

create index notification_rule_event on notification_rule (event_type) where enabled;

create table notification_rule_audit (
    id         uuid         primary key,
    at         timestamp(6) with time zone not null,
    actor      varchar(255) not null,
    rule_id    varchar(80)  not null,
    old_value  text,
    new_value  text
);

insert into notification_rule (id, event_type, audience, kind, template, channels, condition, mandatory) values
    -- the reporter, through the life of their report (anonymous reports have no reporter to tell)
    ('reporter.submitted', 'lookout.complaint.submitted.v1', 'REPORTER', 'REPORT_RECEIVED', 'report-received', 'INBOX,WEBHOOK', '', false),
    ('reporter.accepted', 'lookout.complaint.accepted.v1', 'REPORTER', 'REPORT_ACCEPTED', 'report-accepted', 'INBOX,WEBHOOK', '', false),
    ('reporter.rejected', 'lookout.complaint.rejected.v1', 'REPORTER', 'REPORT_REJECTED', 'report-rejected', 'INBOX,WEBHOOK', '', false),
    ('reporter.responded', 'lookout.complaint.responded.v1', 'REPORTER', 'REPORT_RESPONDED', 'report-responded', 'INBOX,WEBHOOK', '', false),
    ('reporter.paused', 'lookout.complaint.paused.v1', 'REPORTER', 'REPORT_AWAITING_YOU', 'report-awaiting-you', 'INBOX,WEBHOOK', '', false),
    ('reporter.resolved', 'lookout.complaint.resolved.v1', 'REPORTER', 'REPORT_RESOLVED', 'report-resolved', 'INBOX,EMAIL,WEBHOOK', '', false),
    ('reporter.reopened', 'lookout.complaint.reopened.v1', 'REPORTER', 'REPORT_REOPENED', 'report-reopened', 'INBOX,WEBHOOK', '', false),
    ('reporter.escalated', 'lookout.complaint.escalated.v1', 'REPORTER', 'REPORT_ESCALATED', 'report-escalated', 'INBOX,WEBHOOK', '', false),
    ('reporter.closed', 'lookout.complaint.closed.v1', 'REPORTER', 'REPORT_CLOSED', 'report-closed', 'INBOX,WEBHOOK', '', false),
    -- community staff (reports about officials are not the community's business: inspectors read them)
    ('staff.submitted', 'lookout.complaint.submitted.v1', 'COMMUNITY_STAFF', 'NEW_REPORT', 'new-report', 'INBOX', 'confidential=false', false),
    ('staff.assigned', 'lookout.complaint.assigned.v1', 'ASSIGNEE', 'ASSIGNED_TO_YOU', 'assigned-to-you', 'INBOX,EMAIL', 'confidential=false', false),
    ('staff.rated-not-satisfied', 'lookout.complaint.rated.v1', 'COMMUNITY_STAFF', 'RATED_NOT_SATISFIED', 'rated-not-satisfied', 'INBOX', 'satisfied=false&confidential=false', false),
    ('staff.reopened', 'lookout.complaint.reopened.v1', 'COMMUNITY_STAFF', 'REPORT_REOPENED_FOR_STAFF', 'report-reopened-staff', 'INBOX', 'confidential=false', false),
    ('staff.sla-warned', 'lookout.escalation.sla-warned.v1', 'COMMUNITY_STAFF', 'SLA_WARNED', 'sla-warned', 'INBOX', 'confidential=false', false),
    -- the street's supervisors (街道纪工委)
    ('supervisor.sla-breached', 'lookout.escalation.sla-breached.v1', 'STREET_SUPERVISORS', 'SLA_BREACHED', 'sla-breached', 'INBOX', 'confidential=false', true),
    ('supervisor.escalation-returned', 'lookout.escalation.returned.v1', 'STREET_SUPERVISORS', 'ESCALATION_RETURNED', 'escalation-returned', 'INBOX', 'confidential=false', false),
    ('supervisor.escalation-overdue', 'lookout.escalation.deadline-missed.v1', 'STREET_SUPERVISORS', 'ESCALATION_OVERDUE', 'escalation-overdue', 'INBOX', 'confidential=false', false),
    -- agencies: their escalations, and a reminder before their deadline (this service's own trigger)
    ('agency.escalation-opened', 'lookout.escalation.opened.v1', 'AGENCY', 'ESCALATION_OPENED', 'escalation-opened', 'INBOX,WEBHOOK', '', true),
    ('agency.escalation-due-soon', 'lookout.notification.escalation-due-soon', 'AGENCY', 'ESCALATION_DUE_SOON', 'escalation-due-soon', 'INBOX,WEBHOOK', '', true),
    -- discipline inspectors, community staff and head, residents: the cadre registry's events
    ('inspector.tip-off-forwarded', 'lookout.cadre.tip-off-forwarded.v1', 'STREET_INSPECTORS', 'TIP_OFF_FORWARDED', 'tip-off-forwarded', 'INBOX', '', false),
    ('inspector.supervision-recorded', 'lookout.cadre.supervision-recorded.v1', 'STREET_INSPECTORS', 'SUPERVISION_RECORDED', 'supervision-recorded', 'INBOX', '', false),
    ('inspector.integrity-opinion-overdue', 'lookout.cadre.integrity-opinion-overdue.v1', 'STREET_INSPECTORS', 'INTEGRITY_OPINION_OVERDUE', 'integrity-opinion-overdue', 'INBOX', '', false),
    ('staff.integrity-opinion-requested', 'lookout.cadre.integrity-opinion-requested.v1', 'COMMUNITY_STAFF', 'INTEGRITY_OPINION_REQUESTED', 'integrity-opinion-requested', 'INBOX', '', false),
    ('residents.notice-published', 'lookout.cadre.notice-published.v1', 'COMMUNITY_RESIDENTS', 'NOTICE_PUBLISHED', 'notice-published', 'INBOX', '', false);

-- ---------------------------------------------------------------- copies built from events (consumer-owned)
-- what this service needs of a report to address later events (escalation and SLA events do not name the reporter)
create table report_facts (
    report_id       uuid         primary key,
    tracking_number varchar(40)  not null,
    community_code  varchar(16)  not null,
    item_code       varchar(64)  not null,
    confidential    boolean      not null,
    -- the reporter's pseudonym; null for anonymous reports (and walk-ins without an account)
    reporter_ref    varchar(100),
    assignee_ref    varchar(100),
    updated_at      timestamp(6) with time zone not null
);

-- complaint-service's communities and items, from lookout.complaint.reference.v1: the highest revision wins
create table community_copy (
    community_code varchar(16)  primary key,
    street_code    varchar(16)  not null,
    name_zh        varchar(100),
    name_en        varchar(100),
    active         boolean      not null,
    revision       integer      not null
);

create table item_copy (
    item_code     varchar(64)  primary key,
    category_code varchar(16)  not null,
    name_zh       varchar(100),
    name_en       varchar(100),
    confidential  boolean      not null,
    active        boolean      not null,
    revision      integer      not null
);

-- an agency's deadline, to remind it before it passes (cancelled when its part is resolved or returned)
create table escalation_reminder (
    escalation_id uuid         not null,
    agency_code   varchar(40)  not null,
    report_id     uuid         not null,
    due_at        timestamp(6) with time zone not null,
    remind_at     timestamp(6) with time zone not null,
    state         varchar(16)  not null check (state in ('WAITING', 'SENT', 'CANCELLED')),
    primary key (escalation_id, agency_code)
);

create index escalation_reminder_due on escalation_reminder (remind_at) where state = 'WAITING';

-- ---------------------------------------------------------------- notifications and their delivery
-- one id sequence for the inbox: SSE event ids and paging cursors; taken under a transaction-level advisory lock, so
-- the order of the ids is the order of the commits and a stream resumed after id N misses nothing committed later
create sequence notification_seq;

alter table notification
    add column seq             bigint,
    add column rule_id         varchar(80),
    add column event_type      varchar(100),
    add column state           varchar(16),
    add column attempts        integer      not null default 0,
    add column next_attempt_at timestamp(6) with time zone,
    add column claimed_until   timestamp(6) with time zone,
    add column last_error      varchar(255),
    add column subscription_id uuid,
    -- webhooks: whom the delivery is about (a personal or group address), and the exact body that is signed
    add column about_ref       varchar(100),
    add column webhook_body    text;

update notification set seq = nextval('notification_seq'), state = 'DELIVERED' where seq is null;

alter table notification
    alter column seq set default nextval('notification_seq'),
    alter column seq set not null,
    alter column state set not null,
    add constraint notification_state check (state in ('DELIVERED', 'PENDING', 'SENDING', 'FAILED', 'SENT', 'DEAD',
        'SKIPPED', 'CANCELLED'));

alter sequence notification_seq owned by notification.seq;

create unique index notification_seq_unique on notification (seq);
drop index notification_inbox;
create index notification_inbox on notification (recipient_ref, seq desc) where channel = 'INBOX';
-- the delivery worker's query: due external deliveries
create index notification_due on notification (next_attempt_at) where state in ('PENDING', 'FAILED', 'SENDING');
create index notification_subscription on notification (subscription_id, seq desc) where subscription_id is not null;

-- who has read an inbox entry: its recipient, or each member of the group it was addressed to, by their own pseudonym
create table notification_read (
    notification_id uuid         not null references notification (id),
    reader_ref      varchar(100) not null,
    read_at         timestamp(6) with time zone not null,
    primary key (notification_id, reader_ref)
);

insert into notification_read (notification_id, reader_ref, read_at)
    select id, recipient_ref, read_at from notification where read_at is not null;
alter table notification drop column read_at;

alter table delivery_attempt
    drop constraint delivery_attempt_outcome_check,
    add column status_code     integer,
    add column latency_ms      integer,
    add column subscription_id uuid,
    add constraint delivery_attempt_outcome check (outcome in ('DELIVERED', 'DUPLICATE', 'FAILED', 'REFUSED',
        'SKIPPED', 'HELD', 'DEAD'));

-- ---------------------------------------------------------------- webhook subscriptions
create table subscription (
    id                   uuid         primary key,
    owner_kind           varchar(16)  not null check (owner_kind in ('AGENCY', 'APP_BACKEND')),
    -- the agency code, or the app backend's client id
    owner                varchar(100) not null,
    -- the address told when the subscription is disabled (the agency's group inbox, the client's own inbox)
    owner_ref            varchar(100) not null,
    url                  varchar(500) not null,
    -- comma-separated notification kinds; empty: every kind the owner receives
    kinds                varchar(1000) not null default '',
    secret               bytea        not null,
    previous_secret      bytea,
    previous_valid_until timestamp(6) with time zone,
    state                varchar(16)  not null check (state in ('ACTIVE', 'PAUSED', 'DISABLED')),
    source               varchar(16)  not null check (source in ('API', 'DIRECTORY')),
    created_at           timestamp(6) with time zone not null,
    last_success_at      timestamp(6) with time zone,
    failing_since        timestamp(6) with time zone,
    disabled_at          timestamp(6) with time zone,
    disabled_reason      varchar(255),
    -- when the owner was told it was disabled (null: not yet)
    owner_told_at        timestamp(6) with time zone,
    version              integer      not null default 0
);

create index subscription_owner on subscription (owner_kind, owner) where state <> 'DISABLED';
-- one subscription per agency comes from the directory
create unique index subscription_directory on subscription (owner) where source = 'DIRECTORY';

-- ---------------------------------------------------------------- people's own settings (by their pseudonym)
create table preference (
    recipient_ref varchar(100) primary key,
    -- zh-CN or en; null: the account's locale, else zh-CN
    language      varchar(8),
    -- JSON: {"REPORT_RESOLVED": ["INBOX", "EMAIL"], ...}; a kind not listed follows its rules
    channels      text         not null default '{}',
    updated_at    timestamp(6) with time zone not null
);

-- contact details a person gave this service themselves; verified by a code sent there
create table contact (
    recipient_ref    varchar(100) primary key,
    email            varchar(254),
    email_verified   boolean      not null default false,
    phone            varchar(20),
    phone_verified   boolean      not null default false,
    -- SHA-256 of the pending code, and until when it may be used
    email_code_hash  varchar(64),
    phone_code_hash  varchar(64),
    code_expires_at  timestamp(6) with time zone,
    updated_at       timestamp(6) with time zone not null
);

-- what the development SMS provider "sent" (admin reads it); a real gateway keeps its own record
create table sms_message (
    id            bigint generated by default as identity primary key,
    notification_id uuid,
    phone         varchar(20)  not null,
    body          varchar(2000) not null,
    segments      integer      not null,
    encoding      varchar(8)   not null,
    sent_at       timestamp(6) with time zone not null
);
