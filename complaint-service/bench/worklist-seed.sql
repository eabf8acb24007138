-- 100,000 reports for measuring the worklists (bench/worklists.sh): two years of the street DCYJD's six communities,
-- most of them long closed, the recent ones still open, as the ledger of a real street would look. Tracking numbers
-- start with B (BDCY-…) so the set is recognisable and can be deleted again (worklists.sh --clean). Deterministic:
-- the same data on every run.
select setseed(0.13);

with seeded as (
    select g,
           (array['DCY','DCY','DCY','DCN','DCN','XHY','JXY','HPL','QNJ','QNJ'])[1 + (g % 10)] as community,
           (select array_agg(code order by code) from taxonomy_item) as items,
           -- received over the last two years, denser lately
           now() - (power(random(), 1.6) * interval '730 days') as received,
           random() as fate,
           random() as speed
      from generate_series(1, 100000) g
), shaped as (
    select s.*,
           s.items[1 + (s.g * 7 % array_length(s.items, 1))] as item,
           case
               -- of the last two weeks, many are still being worked
               when s.received > now() - interval '14 days' then
                   (array['RECEIVED','ACCEPTED','ASSIGNED','RESPONDED','RESOLVED','ESCALATED','REOPENED','CLOSED',
                          'REJECTED','CLOSED'])[1 + floor(s.fate * 10)::int]
               when s.received > now() - interval '60 days' then
                   (array['ASSIGNED','RESPONDED','RESOLVED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED',
                          'REJECTED','CLOSED_UNRESOLVABLE'])[1 + floor(s.fate * 10)::int]
               else
                   (array['CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','REJECTED',
                          'CLOSED_UNRESOLVABLE'])[1 + floor(s.fate * 10)::int]
           end as status
      from seeded s
)
insert into report (id, tracking_number, item_code, category_code, community_code, title, description, channel,
                    status, anonymous, confidential, filed_by_ref, filed_by_role, address, building, received_at,
                    response_due_at, resolution_due_at, responded_at, response_kind, on_site_at, first_contact_at,
                    response_breached_at, resolution_breached_at, response_warned_at, resolved_at, closed_at,
                    satisfied, rated_by, assignee_unit, reject_reason, version)
select md5('bench-' || s.g)::uuid,
       'B' || s.community || '-' || to_char(s.received, 'YYYY') || '-' || lpad(s.g::text, 6, '0'),
       s.item, ti.category_code, s.community,
       (array['楼道灯不亮','水管漏水','暖气不热','垃圾未清运','夜间施工噪音','邻居占用楼道','物业不作为','低保咨询',
              '医保报销','路灯损坏','绿地被占','早市占道','井盖缺失','违章停车','无证摊贩'])[1 + s.g % 15]
           || ' ' || s.g,
       'bench report ' || s.g,
       (array['APP','APP','APP','WEB','PHONE','PHONE','VISIT','LETTER','LOOKOUT','LOOKOUT'])[1 + (s.g * 3 % 10)],
       s.status, s.g % 20 = 0, ti.confidential,
       case when s.g % 20 = 0 then null else 'bench-ref-' || (s.g % 20000) end,
       case when s.g % 10 in (8, 9) then 'lookout' when s.g % 10 in (4, 5, 6, 7) then 'staff' else 'resident' end,
       s.community || ' ' || (1 + s.g % 40) || '号楼 ' || (1 + s.g % 6) || '单元',
       (1 + s.g % 40) || '-' || (1 + s.g % 6),
       s.received,
       s.received + interval '1 day',
       s.received + (ti.resolution_days * interval '1 day'),
       case when s.status not in ('RECEIVED', 'ACCEPTED', 'REJECTED', 'ESCALATED') or s.speed < 0.2
            then s.received + (s.speed * interval '30 hours') end,
       case when s.status not in ('RECEIVED', 'ACCEPTED', 'REJECTED', 'ESCALATED') or s.speed < 0.2
            then 'ON_SITE_VISIT' end,
       case when s.status not in ('RECEIVED', 'ACCEPTED', 'REJECTED', 'ESCALATED') or s.speed < 0.2
            then s.received + (s.speed * interval '30 hours') end,
       null,
       case when s.speed > 0.8 and s.status <> 'REJECTED' then s.received + interval '1 day' end,
       case when s.speed > 0.9 and s.status <> 'REJECTED' then s.received + ti.resolution_days * interval '1 day' end,
       case when s.speed > 0.6 and s.status <> 'REJECTED' then s.received + interval '18 hours' end,
       case when s.status in ('RESOLVED', 'CLOSED') then s.received + (1 + s.speed * 10) * interval '1 day' end,
       case when s.status in ('CLOSED', 'CLOSED_UNRESOLVABLE') then s.received + (8 + s.speed * 10) * interval '1 day' end,
       case when s.status = 'CLOSED' and s.fate < 0.55 then s.speed < 0.85 end,
       case when s.status = 'CLOSED' and s.fate < 0.55 then
           case when s.g % 10 in (4, 5, 6, 7, 8, 9) then 'FOLLOW_UP' else 'REPORTER' end end,
       case when s.status in ('ASSIGNED', 'RESPONDED', 'RESOLVED', 'CLOSED', 'REOPENED')
            then (array['STAFF','VOLUNTEER','MEDIATION_COMMITTEE','PROPERTY_COMPANY'])[1 + s.g % 4] end,
       case when s.status = 'REJECTED' then 'SPAM' end,
       0
  from shaped s join taxonomy_item ti on ti.code = s.item;

analyze;
