-- Shipped by the outbox module (V0_6): the W3C trace context of the change that wrote the event, so the relay can put
-- it in the Kafka record's headers and a consumer's work joins the same trace. Null when the change ran untraced.
alter table outbox_event add column trace_parent varchar(55);
alter table outbox_event add column trace_state varchar(512);
