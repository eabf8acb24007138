-- Issue 4: per-item SLA policies. resolution_working_days is the RESOLUTION clock's length, started on ACCEPTED.
-- Seeded from the taxonomy defaults (ARCHITECTURE §4, the same as complaint-service's); an administrator's change is
-- stored as ADMIN and applies to clocks started afterwards only (a running clock keeps its deadline).
create table sla_policy (
    item_code               varchar(40)  primary key,
    resolution_working_days integer      not null check (resolution_working_days > 0),
    source                  varchar(8)   not null check (source in ('SEED', 'ADMIN')),
    updated_at              timestamp(6) with time zone not null
);

insert into sla_policy (item_code, resolution_working_days, source, updated_at) values
    ('corridor-lighting', 3, 'SEED', now()),
    ('water', 2, 'SEED', now()),
    ('heating-gas', 2, 'SEED', now()),
    ('sanitation', 3, 'SEED', now()),
    ('noise', 5, 'SEED', now()),
    ('neighbour-dispute', 10, 'SEED', now()),
    ('property-management', 10, 'SEED', now()),
    ('subsistence-allowance', 15, 'SEED', now()),
    ('medical-insurance', 15, 'SEED', now()),
    ('family-planning-subsidy', 15, 'SEED', now()),
    ('elderly-care', 10, 'SEED', now()),
    ('employment-social-security', 15, 'SEED', now()),
    ('convenience-services', 5, 'SEED', now()),
    ('roads-facilities', 10, 'SEED', now()),
    ('greening-cityscape', 10, 'SEED', now()),
    ('markets', 5, 'SEED', now()),
    ('public-safety', 3, 'SEED', now()),
    ('parking-traffic', 5, 'SEED', now()),
    ('food-drug-safety', 5, 'SEED', now()),
    ('hazardous-materials', 1, 'SEED', now()),
    ('illegal-construction', 15, 'SEED', now()),
    ('unlicensed-business', 10, 'SEED', now()),
    ('cadre-conduct', 5, 'SEED', now());

-- Every administrator's change to a policy: who, when, which item, the working days before and after, and why.
create table sla_policy_audit (
    id        uuid         primary key,
    at        timestamp(6) with time zone not null,
    actor     varchar(255) not null,
    item_code varchar(40)  not null,
    old_days  integer      not null,
    new_days  integer      not null,
    reason    varchar(500) not null
);

create index sla_policy_audit_item on sla_policy_audit (item_code, at);
