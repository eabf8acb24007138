-- The work loop's queries of escalation-service, as BoardRepository, EscalationRepository and SlaClockRepository write
-- them, parameters inlined (the street DCYJD's six communities, the board lists at most 50): one query a block, its
-- name in the comment before it. complaint-service/bench/explain-each.sh runs each under EXPLAIN (ANALYZE, BUFFERS),
-- complaint-service/bench/volume.sh on a million reports. Keep them in step with the repositories.

-- board street: open clocks' figures per community
with open_clock as (
    select c.community_code, c.report_id, c.item_code, c.state, c.warned_at, c.report_received_at
      from sla_clock c
     where c.community_code = any('{DCY,DCN,XHY,JXY,HPL,QNJ}') and not c.confidential
       and (c.state in ('RUNNING', 'PAUSED') or (c.state = 'BREACHED' and c.stopped_at is null))
), figures as (
    select community_code, count(distinct report_id) as open_reports,
           count(*) filter (where state <> 'BREACHED' and warned_at is not null) as warned,
           count(*) filter (where state = 'BREACHED') as breached
      from open_clock group by community_code
), oldest as (
    select distinct on (community_code) community_code, report_id, item_code, report_received_at as since
      from open_clock order by community_code, report_received_at, report_id
)
select f.community_code, f.open_reports, f.warned, f.breached, o.report_id, o.item_code, o.since
  from figures f join oldest o on o.community_code = f.community_code;
-- board street: clocks at risk (overdue list)
select c.report_id, c.community_code, c.item_code, c.kind, c.state, c.started_at, c.warn_at, c.due_at,
       c.warned_at, c.breached_at
  from sla_clock c
 where c.community_code = any('{DCY,DCN,XHY,JXY,HPL,QNJ}') and not c.confidential
   and (c.state in ('RUNNING', 'PAUSED') or (c.state = 'BREACHED' and c.stopped_at is null))
   and (c.state = 'BREACHED' or c.warned_at is not null)
 order by c.state = 'BREACHED' desc, c.due_at, c.report_id
 limit 50;
-- board community DCY: clocks at risk
select c.report_id, c.community_code, c.item_code, c.kind, c.state, c.started_at, c.warn_at, c.due_at,
       c.warned_at, c.breached_at
  from sla_clock c
 where c.community_code = any('{DCY}') and not c.confidential
   and (c.state in ('RUNNING', 'PAUSED') or (c.state = 'BREACHED' and c.stopped_at is null))
   and (c.state = 'BREACHED' or c.warned_at is not null)
 order by c.state = 'BREACHED' desc, c.due_at, c.report_id
 limit 50;
-- board street: waiting and overdue escalations per community
select e.community_code, count(*) as waiting, count(*) filter (where e.status = 'OVERDUE') as overdue
  from escalation e
 where e.community_code = any('{DCY,DCN,XHY,JXY,HPL,QNJ}') and not e.confidential
   and e.status in ('OPEN', 'ACKNOWLEDGED', 'OVERDUE') and e.kind = 'ACT'
 group by e.community_code;
-- board street: each addressee's queue
select * from (
    select p.agency_code, a.kind, p.street_code, e.id, e.report_id, e.community_code, e.trigger, p.status,
           e.opened_at, e.due_at,
           row_number() over (partition by p.agency_code order by e.due_at, e.id) as place,
           count(*) over (partition by p.agency_code) as waiting,
           count(*) filter (where p.status = 'OVERDUE') over (partition by p.agency_code) as overdue
      from escalation e
      join escalation_part p on p.escalation_id = e.id
      join agency a on a.code = p.agency_code
     where e.community_code = any('{DCY,DCN,XHY,JXY,HPL,QNJ}') and not e.confidential
       and e.status in ('OPEN', 'ACKNOWLEDGED', 'OVERDUE') and e.kind = 'ACT'
       and p.status in ('OPEN', 'ACKNOWLEDGED', 'OVERDUE')
) queued
 where place <= 50
 order by agency_code, place;
-- supervisor's list: GET /api/escalations?status=OVERDUE
select e.* from escalation e
 where ((e.confidential = false and e.street_code = 'DCYJD')) and e.status = 'OVERDUE'
 order by e.opened_at desc, e.id desc;
-- agency's list: GET /api/escalations?status=OPEN (an agency)
select e.* from escalation e
 where (e.id in (select p.escalation_id from escalation_part p where p.agency_code = 'street-office-bsjd'))
   and e.status = 'OPEN'
 order by e.opened_at desc, e.id desc;
-- supervisor's list, a page (limit 50 + 1, since issue 16): GET /api/escalations?status=OVERDUE
select e.* from escalation e
 where ((e.confidential = false and e.street_code = 'DCYJD')) and e.status = 'OVERDUE'
 order by e.opened_at desc, e.id desc limit 51;
-- agency's list, a page (limit 50 + 1, since issue 16): GET /api/escalations?status=OPEN
select e.* from escalation e
 where (e.id in (select p.escalation_id from escalation_part p where p.agency_code = 'street-office-bsjd'))
   and e.status = 'OPEN'
 order by e.opened_at desc, e.id desc limit 51;
-- agency's list, its parts (the page's 50 escalations)
select p.* from escalation_part p
 where p.escalation_id in (select e.id from escalation e
  where (e.id in (select p.escalation_id from escalation_part p where p.agency_code = 'street-office-bsjd'))
    and e.status = 'OPEN' order by e.opened_at desc, e.id desc limit 50);
-- agency's list, its parts before issue 16 (every listed escalation's)
select p.* from escalation_part p
 where p.escalation_id in (select e.id from escalation e
  where (e.id in (select p.escalation_id from escalation_part p where p.agency_code = 'street-office-bsjd'))
    and e.status = 'OPEN');
-- sweep: clocks to warn
select * from sla_clock where state = 'RUNNING' and warned_at is null and warn_at <= now() order by warn_at limit 100;
-- sweep: clocks breached
select * from sla_clock where state = 'RUNNING' and due_at <= now() order by due_at limit 100;
-- sweep: escalations overdue
select * from escalation where status in ('OPEN', 'ACKNOWLEDGED') and overdue_at is null and due_at <= now()
 order by due_at limit 100;
