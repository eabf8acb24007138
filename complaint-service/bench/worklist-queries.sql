-- The worklist queries of bench/worklists.sh, as WorklistRepository writes them (first page: limit 51 = 50 shown + one
-- to know a next page exists), with the parameters inlined. One query a block, its name in the comment before it:
-- worklists.sh runs each under EXPLAIN (ANALYZE, BUFFERS). Keep them in step with WorklistRepository.

-- staff: their community, by due time
select r.* from report r where r.community_code = 'DCY' and not r.confidential
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: second page (cursor after the 50th)
select r.* from report r where r.community_code = 'DCY' and not r.confidential
   and ((r.due_at, r.id) > (:'cursor_due'::timestamptz, :'cursor_id'::uuid) or r.due_at is null)
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: status RECEIVED,ACCEPTED
select r.* from report r where r.community_code = 'DCY' and not r.confidential and r.status in ('RECEIVED', 'ACCEPTED')
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: item, channel
select r.* from report r where r.community_code = 'DCY' and not r.confidential and r.item_code = 'water'
   and r.channel = 'PHONE'
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: assignee (a unit)
select r.* from report r where r.community_code = 'DCY' and not r.confidential and r.assignee_unit = 'VOLUNTEER'
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: received in the last 30 days
select r.* from report r where r.community_code = 'DCY' and not r.confidential
   and r.received_at >= now() - interval '30 days' and r.received_at < now()
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: due before tomorrow
select r.* from report r where r.community_code = 'DCY' and not r.confidential and r.due_at < now() + interval '1 day'
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: warned
select r.* from report r where r.community_code = 'DCY' and not r.confidential
   and ((r.responded_at is null and r.response_warned_at is not null and r.response_breached_at is null)
        or (r.status not in ('RESOLVED', 'CLOSED', 'CLOSED_UNRESOLVABLE', 'REJECTED')
            and r.resolution_warned_at is not null and r.resolution_breached_at is null))
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: breached
select r.* from report r where r.community_code = 'DCY' and not r.confidential
   and (r.response_breached_at is not null or r.resolution_breached_at is not null)
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: unrated
select r.* from report r where r.community_code = 'DCY' and not r.confidential
   and (r.status in ('RESOLVED', 'CLOSED') and r.satisfied is null)
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: RESOLVED and unrated (who to follow up)
select r.* from report r where r.community_code = 'DCY' and not r.confidential and r.status in ('RESOLVED')
   and (r.status in ('RESOLVED', 'CLOSED') and r.satisfied is null)
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: text (a title word)
select r.* from report r where r.community_code = 'DCY' and not r.confidential
   and report_text_bigrams(r.tracking_number || ' ' || r.title || ' ' || coalesce(r.address, ''))
       @> report_text_bigrams('漏水')
   and (r.tracking_number ilike '%漏水%' escape '!' or r.title ilike '%漏水%' escape '!'
        or r.address ilike '%漏水%' escape '!')
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: text that matches one report (a tracking number)
select r.* from report r where r.community_code = 'DCY' and not r.confidential
   and report_text_bigrams(r.tracking_number || ' ' || r.title || ' ' || coalesce(r.address, ''))
       @> report_text_bigrams('BDCY-2025-000010')
   and (r.tracking_number ilike '%BDCY-2025-000010%' escape '!' or r.title ilike '%BDCY-2025-000010%' escape '!'
        or r.address ilike '%BDCY-2025-000010%' escape '!')
 order by r.due_at asc nulls last, r.id asc limit 51;
-- staff: a whole tracking number as q, as the worklist asks it now (the unique index)
select r.* from report r where r.community_code = 'DCY' and not r.confidential
   and r.tracking_number = 'BDCY-2025-000010'
 order by r.due_at asc nulls last, r.id asc limit 51;
-- supervisor: their street, by due time
select r.* from report r where r.community_code in (select c.code from community c where c.street_code in ('DCYJD'))
   and not r.confidential
 order by r.due_at asc nulls last, r.id asc limit 51;
-- supervisor: one community, breached
select r.* from report r where r.community_code in (select c.code from community c where c.street_code in ('DCYJD'))
   and not r.confidential and r.community_code = 'QNJ'
   and (r.response_breached_at is not null or r.resolution_breached_at is not null)
 order by r.due_at asc nulls last, r.id asc limit 51;
-- supervisor: text that matches one report
select r.* from report r where r.community_code in (select c.code from community c where c.street_code in ('DCYJD'))
   and not r.confidential
   and report_text_bigrams(r.tracking_number || ' ' || r.title || ' ' || coalesce(r.address, ''))
       @> report_text_bigrams('BQNJ-2025-000011')
   and (r.tracking_number ilike '%BQNJ-2025-000011%' escape '!' or r.title ilike '%BQNJ-2025-000011%' escape '!'
        or r.address ilike '%BQNJ-2025-000011%' escape '!')
 order by r.due_at asc nulls last, r.id asc limit 51;
-- supervisor: a whole tracking number as q, as asked now
select r.* from report r where r.community_code in (select c.code from community c where c.street_code in ('DCYJD'))
   and not r.confidential
   and r.tracking_number = 'BQNJ-2025-000011'
 order by r.due_at asc nulls last, r.id asc limit 51;
-- inspector: confidential reports of their streets
select r.* from report r where r.community_code in (select c.code from community c where c.street_code in ('DCYJD'))
   and r.confidential
 order by r.due_at asc nulls last, r.id asc limit 51;
-- admin: everything, by due time
select r.* from report r order by r.due_at asc nulls last, r.id asc limit 51;
-- admin: unrated
select r.* from report r where (r.status in ('RESOLVED', 'CLOSED') and r.satisfied is null)
 order by r.due_at asc nulls last, r.id asc limit 51;
-- admin: text that matches one report
select r.* from report r
 where report_text_bigrams(r.tracking_number || ' ' || r.title || ' ' || coalesce(r.address, ''))
       @> report_text_bigrams('BDCN-2025-000013')
   and (r.tracking_number ilike '%BDCN-2025-000013%' escape '!' or r.title ilike '%BDCN-2025-000013%' escape '!'
        or r.address ilike '%BDCN-2025-000013%' escape '!')
 order by r.due_at asc nulls last, r.id asc limit 51;
-- admin: a whole tracking number as q, as asked now
select r.* from report r
 where r.tracking_number = 'BDCN-2025-000013'
 order by r.due_at asc nulls last, r.id asc limit 51;
-- resident: what they filed, newest first
select r.* from report r where r.filed_by_ref = 'bench-ref-4242' order by r.received_at desc, r.id desc limit 51;
-- by tracking number
select * from report where tracking_number = 'BDCY-2025-000010';
-- intake: possible duplicates (same item, community, 14 days, building)
select tracking_number, status, received_at, latitude, longitude, building from report
 where community_code = 'DCY' and item_code = 'water' and received_at >= now() - interval '14 days'
   and id <> '00000000-0000-0000-0000-000000000000'
   and status not in ('CLOSED', 'CLOSED_UNRESOLVABLE', 'REJECTED')
   and (('7-3' <> '' and lower(regexp_replace(coalesce(building, ''), '\s+', '', 'g')) = '7-3')
        or (false and latitude between 0 and 0 and longitude between 0 and 0))
 order by received_at desc limit 10;
-- intake: possible duplicates (same item, community, 14 days, within a box)
select tracking_number, status, received_at, latitude, longitude, building from report
 where community_code = 'DCY' and item_code = 'water' and received_at >= now() - interval '14 days'
   and id <> '00000000-0000-0000-0000-000000000000'
   and status not in ('CLOSED', 'CLOSED_UNRESOLVABLE', 'REJECTED')
   and (('' <> '' and lower(regexp_replace(coalesce(building, ''), '\s+', '', 'g')) = '')
        or (true and latitude between 39.9195 and 39.9205 and longitude between 116.5094 and 116.5106))
 order by received_at desc limit 10;
