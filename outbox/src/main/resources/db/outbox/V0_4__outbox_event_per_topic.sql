-- Shipped by the outbox module (V0_4: the library migrations of outbox and idempotency share one version line).
-- per-agency topics): one row per topic with the same event id, so an event id is unique per topic, not overall.
alter table outbox_event drop constraint outbox_event_event_id_key;
alter table outbox_event add constraint outbox_event_event_topic unique (event_id, topic);
