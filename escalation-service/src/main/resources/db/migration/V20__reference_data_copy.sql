-- Issue 10: complaint-service owns the taxonomy items (resolution target in working days, immediate escalation to which
-- agency kinds, joint, lead kind, confidential, active) and the communities with their street (ARCHITECTURE §3, §4).
-- It publishes each as its whole current state with a growing revision on the compacted topic
-- lookout.complaint.reference.v1; this service keeps a copy built only from those events, replayed from the topic's
-- beginning. The rows this service seeded itself (V1 community, V5/V6 sla_policy) give way to the copy: on a database
-- that ran V1-V10 the copy is rebuilt from the topic on the next start. The admin API that edited sla_policy is gone
-- (complaint-service's PUT /api/taxonomy/items/{code} edits the fact); sla_policy_audit keeps the record of the edits
-- made through it and is written no more.
drop table sla_policy;
drop table community;

create table taxonomy_item (
    item_code               varchar(40)  primary key,
    resolution_working_days integer      not null check (resolution_working_days > 0),
    escalates_immediately   boolean      not null,
    -- the agency kinds a report of the item escalates to at once, comma-separated in the owner's order; '' for none
    escalation_agency_kinds varchar(200) not null,
    joint_escalation        boolean      not null,
    lead_agency_kind        varchar(24),
    confidential            boolean      not null,
    active                  boolean      not null,
    -- the owner's revision of this state: a record is applied only over a lower one
    revision                integer      not null,
    changed_at              timestamp(6) with time zone not null
);

-- the scope of a supervisor's street claim, and where escalations to the street office go
create table community (
    code        varchar(8)   primary key,
    street_code varchar(16)  not null,
    active      boolean      not null,
    revision    integer      not null,
    changed_at  timestamp(6) with time zone not null
);
