-- Issue 4: escalations to agencies. One escalation per report and trigger while it is open; one part per agency (a
-- joint escalation has several parts and exactly one lead); progress notes per part. Report facts (item, community,
-- street, confidentiality) are copied from what this service knew when it opened the escalation.
create table escalation (
    id               uuid         primary key,
    report_id        uuid         not null,
    item_code        varchar(40)  not null,
    community_code   varchar(8)   not null,
    street_code      varchar(16),
    confidential     boolean      not null,
    trigger          varchar(20)  not null check (trigger in ('RESPONSE_BREACHED', 'IMMEDIATE', 'TIP_OFF', 'MANUAL')),
    -- what staff or a supervisor wrote (MANUAL only); never on a topic
    reason           varchar(2000),
    lead_agency_code varchar(40)  not null references agency (code),
    working_days     integer      not null check (working_days > 0),
    opened_at        timestamp(6) with time zone not null,
    due_at           timestamp(6) with time zone not null,
    provisional      boolean      not null,
    status           varchar(16)  not null
        check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'RETURNED', 'OVERDUE')),
    -- the subject of the person who opened it; null for the automatic triggers
    opened_by        varchar(255),
    -- when the overdue sweep marked it: each escalation's deadline is missed once
    overdue_at       timestamp(6) with time zone,
    version          integer      not null
);

-- no second escalation of a report for the same trigger while one is open (redelivery, two instances)
create unique index escalation_open_per_trigger on escalation (report_id, trigger)
    where status in ('OPEN', 'ACKNOWLEDGED', 'OVERDUE');
create index escalation_report on escalation (report_id);
-- the overdue sweep: escalations still open whose deadline has come
create index escalation_overdue_due on escalation (due_at)
    where status in ('OPEN', 'ACKNOWLEDGED') and overdue_at is null;

create table escalation_part (
    id              uuid          primary key,
    escalation_id   uuid          not null references escalation (id),
    agency_code     varchar(40)   not null references agency (code),
    lead            boolean       not null,
    status          varchar(16)   not null
        check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'RETURNED', 'OVERDUE')),
    acknowledged_at timestamp(6) with time zone,
    resolved_at     timestamp(6) with time zone,
    returned_at     timestamp(6) with time zone,
    overdue_at      timestamp(6) with time zone,
    outcome         varchar(24)
        check (outcome in ('HANDLED', 'PENALISED', 'CASE_OPENED', 'NO_VIOLATION_FOUND', 'NOT_RESOLVABLE')),
    actions_taken   varchar(4000),
    return_reason   varchar(32)
        check (return_reason in ('NOT_RESPONSIBLE', 'WRONG_JURISDICTION', 'INSUFFICIENT_INFORMATION')),
    return_note     varchar(2000),
    version         integer       not null,
    unique (escalation_id, agency_code)
);

create index escalation_part_agency on escalation_part (agency_code);

-- an agency's progress notes on its part
create table escalation_note (
    id            uuid          primary key,
    escalation_id uuid          not null references escalation (id),
    agency_code   varchar(40)   not null references agency (code),
    at            timestamp(6) with time zone not null,
    note          varchar(2000) not null
);

create index escalation_note_escalation on escalation_note (escalation_id, at);

-- Items that escalate at once on acceptance (ARCHITECTURE §4): the agency kinds (comma-separated, several only when
-- joint) and the kind that leads. Agencies are chosen by kind for the report's street first, then the district.
alter table sla_policy
    add column immediate_agency_kinds varchar(200),
    add column immediate_joint        boolean not null default false,
    add column immediate_lead_kind    varchar(24),
    add constraint sla_policy_immediate check (immediate_agency_kinds is null
        or (immediate_lead_kind is not null and (immediate_joint or position(',' in immediate_agency_kinds) = 0)));

update sla_policy set immediate_agency_kinds = 'PUBLIC_SECURITY,MARKET_REGULATION', immediate_joint = true,
    immediate_lead_kind = 'PUBLIC_SECURITY' where item_code = 'hazardous-materials';
update sla_policy set immediate_agency_kinds = 'MARKET_REGULATION', immediate_joint = false,
    immediate_lead_kind = 'MARKET_REGULATION' where item_code = 'food-drug-safety';

-- the level above the district discipline commission: tip-offs about the head of the receiving body go here
insert into agency (code, kind, name_zh, name_en, jurisdiction, oidc_client_id, webhook_url, active, updated_at) values
    ('discipline-city', 'DISCIPLINE_COMMISSION', '市纪委监委', 'City Discipline Inspection and Supervision Commission',
     'CITY', null, null, true, now());
