-- The SLA board's data set: 100,000 reports over the last two years in two streets of six communities each, as
-- escalation-service holds them — a response clock each, a resolution clock for the accepted ones, escalations to the
-- street and to agencies — with what a working street has open today: the last ten days' reports partly running,
-- warned or breached, a few forgotten old ones still breached, about 1 % reports about officials (no clock, their
-- tip-offs confidential). Run against an escalation database the service has migrated (V43 or later), empty or not:
--
--   psql -h 127.0.0.1 -p <port> -U escalation -d escalation -v reports=100000 -f escalation-service/bench/board-seed.sql
--
-- Deterministic: the same count gives the same rows relative to now(). Used by board.sh; usable on the stack's database
-- (./lookout up) to try the board by hand.
\set ON_ERROR_STOP on
\if :{?reports}
\else
\set reports 100000
\endif

begin;

-- the copy of complaint-service's communities (as its events would build it) and the second street's office
insert into community (code, street_code, active, revision, changed_at)
select code, street, true, 1, now()
  from (values ('DCY', 'DCYJD'), ('DCN', 'DCYJD'), ('XHY', 'DCYJD'), ('JXY', 'DCYJD'), ('HPL', 'DCYJD'),
               ('QNJ', 'DCYJD'), ('BSA', 'BSJD'), ('BSB', 'BSJD'), ('BSC', 'BSJD'), ('BSD', 'BSJD'), ('BSE', 'BSJD'),
               ('BSF', 'BSJD')) as c(code, street)
on conflict (code) do nothing;
insert into agency (code, kind, name_zh, name_en, jurisdiction, oidc_client_id, webhook_url, active, updated_at)
values ('street-office-bsjd', 'STREET_OFFICE', '北山街道办事处', 'Beishan Subdistrict Office', 'BSJD', null, null, true, now())
on conflict (code) do nothing;

-- one row per report: where, what, when, and how far it got
create temporary table seed_report on commit drop as
select gen_random_uuid() as report_id,
       (array['DCY', 'DCN', 'XHY', 'JXY', 'HPL', 'QNJ', 'BSA', 'BSB', 'BSC', 'BSD', 'BSE', 'BSF'])[1 + i % 12] as community,
       case when i % 12 < 6 then 'DCYJD' else 'BSJD' end as street,
       case when i % 97 = 0 then 'cadre-conduct'
            else (array['corridor-lighting', 'water', 'sanitation', 'noise', 'neighbour-dispute', 'property-management',
                        'elderly-care', 'roads-facilities', 'parking-traffic', 'markets'])[1 + (i * 7) % 10] end as item,
       i % 97 = 0 as confidential,
       -- receipt: spread over 730 days, the newest 2 % in the last ten days (moduli prime to the 12 communities, so
       -- every community gets its share of each kind of report)
       case when i % 49 = 0 then now() - ((i::bigint * 7919) % 864000) * interval '1 second'
            else now() - interval '10 days' - ((i::bigint * 104729) % 62208000) * interval '1 second' end as received_at,
       i % 49 = 0 as recent,
       -- how far a recent report got (0-9), independent of its community
       (i / 588) % 10 as mix,
       i
  from generate_series(1, :reports) as i;

-- response clocks: stopped in time for the old ones (a forgotten few breached), a mix for the recent ones
insert into sla_clock (id, report_id, kind, community_code, item_code, confidential, working_days, started_at, warn_at,
                       due_at, provisional, state, warned_at, breached_at, version, stopped_at, met, paused_at,
                       report_received_at)
select gen_random_uuid(), r.report_id, 'RESPONSE', r.community, r.item, false, 1, r.received_at,
       r.received_at + interval '18 hours', r.received_at + interval '1 day', false, s.state,
       case when s.warned then r.received_at + interval '18 hours' end,
       case when s.state = 'BREACHED' then r.received_at + interval '1 day' end, 0,
       case when s.state = 'STOPPED' then r.received_at + interval '3 hours' end,
       case when s.state = 'STOPPED' then true end, null, r.received_at
  from seed_report r
  cross join lateral (select case
           when not r.recent then 'STOPPED'
           when r.mix < 3 then 'RUNNING'
           when r.mix = 3 then 'BREACHED'
           else 'STOPPED' end as state,
         r.recent and r.mix in (2, 3) as warned) s
 where not r.confidential;

-- resolution clocks of the responded: closed in time when old (a forgotten 0.5 % breached), a mix when recent
insert into sla_clock (id, report_id, kind, community_code, item_code, confidential, working_days, started_at, warn_at,
                       due_at, provisional, state, warned_at, breached_at, version, stopped_at, met, paused_at,
                       report_received_at)
select gen_random_uuid(), r.report_id, 'RESOLUTION', r.community, r.item, false, 5, r.received_at + interval '4 hours',
       r.received_at + interval '4 days', r.received_at + interval '5 days', false, s.state,
       case when s.warned then r.received_at + interval '4 days' end,
       case when s.state = 'BREACHED' then r.received_at + interval '5 days' end, 0,
       case when s.state = 'STOPPED' then r.received_at + interval '2 days' end,
       case when s.state = 'STOPPED' then true end,
       case when s.state = 'PAUSED' then r.received_at + interval '1 day' end, r.received_at
  from seed_report r
  cross join lateral (select case
           when not r.recent and r.i % 199 = 1 then 'BREACHED'
           when not r.recent then 'STOPPED'
           when r.mix in (4, 5) then 'RUNNING'
           when r.mix = 6 then 'PAUSED'
           when r.mix = 7 then 'BREACHED'
           else 'STOPPED' end as state,
         r.recent and r.mix in (5, 6, 7) as warned) s
 where not r.confidential and (not r.recent or r.mix >= 4);

-- escalations: every breach still open went to the street; one report in 41 to an agency (the old ones resolved);
-- each report about an official reached the discipline commission as a (confidential) tip-off
create temporary table seed_escalation on commit drop as
select gen_random_uuid() as id, r.report_id, r.item, r.community, r.street, r.confidential,
       case when r.confidential then 'TIP_OFF'
            when c.kind = 'RESPONSE' then 'RESPONSE_BREACHED'
            when c.kind = 'RESOLUTION' then 'RESOLUTION_BREACHED'
            else 'MANUAL' end as trigger,
       case when r.confidential then 'discipline-district'
            when c.kind is not null then 'street-office-' || lower(r.street)
            else (array['police-dcy', 'market-dcy', 'housing', 'urban-management'])[1 + (r.i / 13) % 4] end as agency,
       coalesce(c.breached_at, r.received_at + interval '1 day') as opened_at,
       case when c.kind is not null or r.recent then (array['OPEN', 'ACKNOWLEDGED', 'OVERDUE'])[1 + (r.i / 7) % 3]
            else 'RESOLVED' end as status
  from seed_report r
  left join lateral (select kind, breached_at from sla_clock
                      where report_id = r.report_id and state = 'BREACHED' order by kind limit 1) c on true
 where r.confidential or c.kind is not null or r.i % 41 = 0;

insert into escalation (id, report_id, item_code, community_code, street_code, confidential, trigger, reason,
                        lead_agency_code, working_days, opened_at, due_at, provisional, status, opened_by, overdue_at,
                        version)
select e.id, e.report_id, e.item, e.community, e.street, e.confidential, e.trigger,
       case when e.trigger = 'MANUAL' then 'seeded for the board benchmark' end, e.agency, 3, e.opened_at,
       e.opened_at + interval '3 days', false, e.status, case when e.trigger = 'MANUAL' then 'seed' end,
       case when e.status = 'OVERDUE' then e.opened_at + interval '3 days' end, 0
  from seed_escalation e;

insert into escalation_part (id, escalation_id, agency_code, lead, status, acknowledged_at, resolved_at, returned_at,
                             overdue_at, outcome, actions_taken, return_reason, return_note, version, street_code,
                             return_due_at)
select gen_random_uuid(), e.id, e.agency, true, e.status,
       case when e.status in ('ACKNOWLEDGED', 'RESOLVED') then e.opened_at + interval '2 hours' end,
       case when e.status = 'RESOLVED' then e.opened_at + interval '2 days' end, null,
       case when e.status = 'OVERDUE' then e.opened_at + interval '3 days' end,
       case when e.status = 'RESOLVED' then 'HANDLED' end,
       case when e.status = 'RESOLVED' then 'seeded' end, null, null, 0,
       case when e.agency like 'street-office-%' then e.street end, null
  from seed_escalation e;

commit;
analyze sla_clock;
analyze escalation;
analyze escalation_part;
analyze community;
