-- pgbench script of intake.sh: the writes of one intake as complaint-service sends them (IntakeRepository's numbered
-- intake): one statement, committed by itself, the tracking counter bumped first in the statement and its number
-- put into the report, its first history entry and the submitted event in the outbox. Row shapes as in intake.sql.
\set c random(1, 6)
WITH counter AS (
       INSERT INTO tracking_counter (community_code, year, last_value)
       VALUES ((ARRAY['DCY', 'DCN', 'XHY', 'JXY', 'HPL', 'QNJ'])[:c],
               extract(year from now() at time zone 'Asia/Shanghai')::int, 1)
       ON CONFLICT (community_code, year) DO UPDATE SET last_value = tracking_counter.last_value + 1
       RETURNING community_code, year, last_value),
     numbered AS (
       SELECT community_code, community_code || '-' || year || '-' || lpad(last_value::text, 6, '0') AS tracking_number
         FROM counter),
     ids AS (SELECT gen_random_uuid() AS id),
     report_row AS (
       INSERT INTO report (id, tracking_number, item_code, category_code, community_code, title, description, channel,
                           status, anonymous, confidential, filed_by_ref, filed_by_role, address, building, latitude,
                           longitude, occurred_at, received_at, version, due_provisional)
       SELECT ids.id, numbered.tracking_number, 'corridor-lighting', 'LIFE', numbered.community_code,
              'Corridor light broken in building 3',
              'The light on the 4th floor has been out for three days; elderly residents fall.', 'APP', 'RECEIVED',
              false, false, 'Xq3v9K2mP0aL7sT4wY1zB8nC5dE6fG2hJ3kL4mN5pQ6', 'resident', '东朝阳路南社区 3号楼', '3-2',
              39.92, 116.51, '2026-02-13T08:00:00Z', now(), 0, false
         FROM ids, numbered
       RETURNING id, tracking_number, community_code),
     history AS (
       INSERT INTO report_history (report_id, at, from_status, to_status, actor_role, note)
       SELECT ids.id, now(), NULL, 'RECEIVED', 'resident', 'received via APP' FROM ids)
INSERT INTO outbox_event (event_id, topic, partition_key, event_type, source, subject, occurred_at, payload)
SELECT gen_random_uuid(), 'lookout.complaint.v1', ids.id, 'lookout.complaint.submitted.v1',
       '/lookout/complaint-service', ids.id, now(),
       json_build_object('reportId', ids.id::text, 'trackingNumber', numbered.tracking_number,
                         'itemCode', 'corridor-lighting', 'categoryCode', 'LIFE',
                         'communityCode', numbered.community_code,
                         'confidential', false, 'channel', 'APP', 'anonymous', false, 'receivedAt', now(),
                         'reporterRef', 'Xq3v9K2mP0aL7sT4wY1zB8nC5dE6fG2hJ3kL4mN5pQ6')::text
  FROM ids, numbered;
