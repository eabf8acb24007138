-- A city's volume for complaint-service (issue 16 item 3): :reports reports (default 1,000,000) over ten years of the
-- street DCYJD's six communities, filed more often lately, with the mix a working street has — 22 items, the
-- officials' item rarely, six channels, 5 % anonymous, residents filing again and again — each with its whole
-- history (received, accepted or rejected, assigned, responded, escalated, resolved, reopened, closed, notes), its SLA
-- facts (due, warned, breached) and its rating (by the reporter or by a follow-up call, 回访). The last weeks are
-- still being worked. Tracking numbers are gap-free per community and year and start with B (BDCY-2025-000010), as
-- worklist-seed.sql's, so worklists.sh measures this set as it is.
--
-- Run by volume.sh as the superuser against a database complaint-service has migrated and nothing else writes to:
-- the secondary indexes of report and report_history are dropped for the load and built again after it (the same
-- definitions, read from pg_indexes), foreign keys are not checked row by row (session_replication_role), then
-- VACUUM ANALYZE leaves the tables as autovacuum would. Deterministic but for now(): the same rows relative to now().
\set ON_ERROR_STOP on
\if :{?reports}
\else
\set reports 1000000
\endif
\timing on
set session_replication_role = replica;
set maintenance_work_mem = '512MB';
set max_parallel_maintenance_workers = 2;
set work_mem = '256MB';
select setseed(0.16);

-- ------------------------------------------------------------------ the secondary indexes, out of the way
create temporary table bench_index as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
  from pg_index i join pg_class t on t.oid = i.indrelid
 where t.relname in ('report', 'report_history') and t.relnamespace = 'public'::regnamespace
   and not i.indisprimary and not i.indisunique;
do $$
declare
    dropped record;
begin
    for dropped in select name from bench_index loop
        execute 'drop index ' || dropped.name;
    end loop;
end $$;

-- ------------------------------------------------------------------ one row per report: where, what, when, how far
create temporary table seed as
with k as (
    select (select array_agg(code order by code) from taxonomy_item where not confidential) as items,
           (select min(code) from taxonomy_item where confidential) as secret
), drawn as (
    select g,
           -- the communities differ in size
           (array['DCY','DCY','DCY','DCY','DCY','DCN','DCN','DCN','DCN','XHY','XHY','XHY','JXY','JXY','JXY','HPL',
                  'HPL','QNJ','QNJ','QNJ'])[1 + g % 20] as community,
           -- a few items are most of the work; about officials one report in 211
           case when g % 211 = 0 then k.secret
                else k.items[1 + floor(power(random(), 1.7) * array_length(k.items, 1))::int] end as item,
           -- ten years, filed more often lately (the app came in)
           now() - power(random(), 1.25) * interval '3650 days' as received,
           (array['APP','APP','APP','APP','APP','APP','APP','PHONE','PHONE','PHONE','PHONE','WEB','WEB','VISIT',
                  'VISIT','LETTER','LOOKOUT','LOOKOUT','LOOKOUT','LOOKOUT'])[1 + floor(random() * 20)::int] as channel,
           random() as fate,
           random() as speed,
           random() as mood
      from generate_series(1, :reports) g, k
), staged as (
    select d.*,
           case
               when d.received > now() - interval '3 days' then
                   (array['RECEIVED','RECEIVED','RECEIVED','ACCEPTED','ACCEPTED','ACCEPTED','ASSIGNED','ASSIGNED',
                          'ASSIGNED','ASSIGNED','ASSIGNED','RESPONDED','RESPONDED','RESPONDED','RESPONDED','RESOLVED',
                          'RESOLVED','ESCALATED','REJECTED','CLOSED'])[1 + floor(d.fate * 20)::int]
               when d.received > now() - interval '14 days' then
                   (array['ASSIGNED','ASSIGNED','RESPONDED','RESPONDED','RESPONDED','RESPONDED','RESOLVED','RESOLVED',
                          'RESOLVED','RESOLVED','RESOLVED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','ESCALATED',
                          'REOPENED','REJECTED','CLOSED_UNRESOLVABLE'])[1 + floor(d.fate * 20)::int]
               when d.received > now() - interval '60 days' then
                   (array['ESCALATED','REOPENED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED',
                          'CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','REJECTED',
                          'REJECTED','CLOSED_UNRESOLVABLE'])[1 + floor(d.fate * 20)::int]
               else
                   (array['CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED',
                          'CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','REJECTED','REJECTED',
                          'CLOSED_UNRESOLVABLE'])[1 + floor(d.fate * 20)::int]
           end as status,
           d.g % 20 = 0 and d.channel in ('APP', 'WEB') as anonymous
      from drawn d
)
select s.*,
       ti.category_code, ti.confidential, ti.resolution_days,
       s.status in ('ASSIGNED','RESPONDED','RESOLVED','CLOSED','ESCALATED','REOPENED','CLOSED_UNRESOLVABLE') as assigned,
       s.status in ('RESPONDED','RESOLVED','CLOSED','REOPENED','CLOSED_UNRESOLVABLE') as responded,
       s.status in ('RESOLVED','CLOSED','REOPENED') as resolved,
       -- the steps' times, never in the future
       least(s.received + (0.5 + 3 * s.speed) * interval '1 hour', now()) as accepted_at,
       least(s.received + (1 + 6 * s.speed) * interval '1 hour', now()) as assigned_at,
       least(s.received + (2 + 28 * s.speed) * interval '1 hour', now()) as responded_at,
       least(s.received + (1 + 12 * s.speed) * interval '1 day', now()) as resolved_at,
       least(s.received + (2 + 12 * s.speed + 6 * s.mood) * interval '1 day', now()) as closed_at,
       'B' || s.community || '-' || to_char(s.received at time zone 'Asia/Shanghai', 'YYYY') || '-'
           || lpad(row_number() over (partition by s.community, to_char(s.received at time zone 'Asia/Shanghai', 'YYYY')
                                      order by s.received, s.g)::text, 6, '0') as tracking_number
  from staged s join taxonomy_item ti on ti.code = s.item;

-- ------------------------------------------------------------------ the reports, in the order they came in
insert into report (id, tracking_number, item_code, category_code, community_code, title, description, channel,
                    status, anonymous, confidential, filed_by_ref, filed_by_role, address, building, latitude,
                    longitude, occurred_at, received_at, reject_reason, assignee_unit, response_kind, responded_at,
                    resolution, resolved_at, satisfied, closed_at, response_due_at, response_breached_at,
                    resolution_due_at, resolution_breached_at, due_provisional, escalation_outcome, first_contact_at,
                    on_site_at, response_warned_at, resolution_warned_at, rated_by, rated_at, version)
select md5('volume-' || s.g)::uuid,
       s.tracking_number, s.item, s.category_code, s.community,
       (array['楼道灯不亮','水管漏水','暖气不热','垃圾未清运','夜间施工噪音','邻居占用楼道','物业不作为','低保咨询',
              '医保报销','路灯损坏','绿地被占','早市占道','井盖缺失','违章停车','无证摊贩'])[1 + s.g % 15]
           || ' ' || (1 + s.g % 40) || '号楼',
       'volume report ' || s.g,
       s.channel, s.status, s.anonymous, s.confidential,
       case when s.anonymous then null else 'bench-ref-' || (s.g % 50000) end,
       case when s.channel = 'LOOKOUT' then 'lookout' when s.channel in ('PHONE', 'VISIT', 'LETTER') then 'staff'
            else 'resident' end,
       s.community || ' ' || (1 + s.g % 40) || '号楼 ' || (1 + s.g % 6) || '单元',
       (1 + s.g % 40) || '-' || (1 + s.g % 6),
       39.95 + (s.g % 100) * 0.0001, 116.47 + (s.g % 97) * 0.0001,
       s.received - interval '2 hours',
       s.received,
       case when s.status = 'REJECTED' then (array['SPAM','DUPLICATE','OUT_OF_SCOPE'])[1 + s.g % 3] end,
       case when s.assigned then (array['STAFF','STAFF','VOLUNTEER','MEDIATION_COMMITTEE','PROPERTY_COMPANY'])[1 + s.g % 5] end,
       case when s.responded then case when s.mood < 0.8 then 'ON_SITE_VISIT' else 'FIRST_CONTACT' end end,
       case when s.responded then s.responded_at end,
       case when s.resolved then '已处理' end,
       case when s.resolved then s.resolved_at end,
       case when s.status = 'CLOSED' and s.fate < 0.6 then s.mood < 0.88 end,
       case when s.status in ('CLOSED', 'CLOSED_UNRESOLVABLE') then greatest(s.closed_at, s.resolved_at) end,
       s.received + interval '1 day',
       case when s.status <> 'REJECTED' and coalesce(case when s.responded then s.responded_at end, now())
                 > s.received + interval '1 day' then s.received + interval '1 day' end,
       s.received + s.resolution_days * interval '1 day',
       case when s.status not in ('REJECTED', 'CLOSED_UNRESOLVABLE')
             and coalesce(case when s.resolved then s.resolved_at end, now()) > s.received + s.resolution_days * interval '1 day'
            then s.received + s.resolution_days * interval '1 day' end,
       false,
       case when s.status = 'ESCALATED' then null end,
       case when s.responded and s.mood >= 0.8 then s.responded_at end,
       case when s.responded and s.mood < 0.8 then s.responded_at end,
       case when s.status <> 'REJECTED' and coalesce(case when s.responded then s.responded_at end, now())
                 > s.received + interval '18 hours' then s.received + interval '18 hours' end,
       case when s.status not in ('REJECTED', 'CLOSED_UNRESOLVABLE')
             and coalesce(case when s.resolved then s.resolved_at end, now()) > s.received + s.resolution_days * interval '18 hours'
            then s.received + s.resolution_days * interval '18 hours' end,
       case when s.status = 'CLOSED' and s.fate < 0.6 then
           case when s.channel in ('PHONE', 'VISIT', 'LETTER', 'LOOKOUT') then 'FOLLOW_UP' else 'REPORTER' end end,
       case when s.status = 'CLOSED' and s.fate < 0.6 then greatest(s.closed_at, s.resolved_at) end,
       0
  from seed s
 order by s.received;

-- ------------------------------------------------------------------ every change, in the order it happened
-- community_code given here: session_replication_role = replica keeps V66's trigger from filling it
insert into report_history (report_id, community_code, at, from_status, to_status, actor_role, note, note_visibility,
                            listed_at)
select md5('volume-' || s.g)::uuid, s.community, h.at, h.from_status, h.to_status, h.actor, h.note, h.visibility, h.at
  from seed s
 cross join lateral (values
       (null, 'RECEIVED', case when s.channel = 'LOOKOUT' then 'lookout'
                               when s.channel in ('PHONE', 'VISIT', 'LETTER') then 'staff' else 'resident' end,
        s.received, null, null, true),
       ('RECEIVED', 'REJECTED', 'staff', s.accepted_at, '重复反映', null, s.status = 'REJECTED'),
       ('RECEIVED', 'ACCEPTED', 'staff', s.accepted_at, null, null, s.status not in ('RECEIVED', 'REJECTED')),
       ('ACCEPTED', 'ASSIGNED', 'staff', s.assigned_at, null, null, s.assigned),
       (null, null, 'staff', s.assigned_at + interval '10 minutes', '已电话联系', 'INTERNAL', s.assigned and s.g % 5 = 0),
       ('ASSIGNED', 'ESCALATED', 'system', s.responded_at, null, null, s.status = 'ESCALATED'),
       ('ASSIGNED', 'RESPONDED', 'staff', s.responded_at, null, null, s.responded),
       ('RESPONDED', 'RESOLVED', 'staff', s.resolved_at, '已处理', null, s.resolved),
       ('RESOLVED', 'REOPENED', 'resident', s.closed_at, null, null, s.status = 'REOPENED'),
       ('RESOLVED', 'CLOSED', case when s.fate < 0.6 then 'resident' else 'system' end, greatest(s.closed_at, s.resolved_at),
        null, null, s.status = 'CLOSED'),
       ('RESPONDED', 'CLOSED_UNRESOLVABLE', 'staff', s.closed_at, '不属于受理范围', null,
        s.status = 'CLOSED_UNRESOLVABLE')
       ) as h(from_status, to_status, actor, at, note, visibility, happened)
 where h.happened
 order by h.at;

-- ------------------------------------------------------------------ follow-up calls (回访) behind FOLLOW_UP ratings
insert into report_follow_up (report_id, reached_by, satisfied, comment, reached_at, recorded_at, recorded_by)
select r.id, (array['PHONE', 'VISIT', 'MESSAGE'])[1 + abs(hashtext(r.tracking_number)) % 3], r.satisfied, null,
       r.rated_at, r.rated_at, 'bench-staff'
  from report r
 where r.rated_by = 'FOLLOW_UP' and r.tracking_number like 'B%'
 order by r.rated_at;

-- the counters go on after the numbers used, so intake on this data set keeps them gap-free
insert into tracking_counter (community_code, year, last_value)
select community, to_char(received at time zone 'Asia/Shanghai', 'YYYY')::int, count(*)
  from seed group by 1, 2
on conflict (community_code, year) do update set last_value = greatest(tracking_counter.last_value, excluded.last_value);

-- ------------------------------------------------------------------ the indexes again, and the statistics
do $$
declare
    kept record;
    started timestamptz;
begin
    for kept in select name, definition from bench_index loop
        started := clock_timestamp();
        execute kept.definition;
        raise notice 'index % built in % s', kept.name, round(extract(epoch from clock_timestamp() - started)::numeric, 1);
    end loop;
end $$;
vacuum (analyze) report, report_history, report_follow_up, tracking_counter;
-- and the small tables autovacuum would have analysed by now (the planner joins them)
analyze;
