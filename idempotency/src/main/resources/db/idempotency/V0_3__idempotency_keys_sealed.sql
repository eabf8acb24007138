-- The stored answer of a creating POST can hold what must not be readable at rest (an anonymous report's tracking
-- secret) and the caller's account would link that report to a person. Rows are now found by a hash of (caller, key)
-- and the replayable answer is sealed with a key derived from both; neither is stored. Rows of the old shape are at most
-- a day old and only serve retries: they are dropped.
delete from idempotency_key;
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key drop column caller;
alter table idempotency_key drop column location;
alter table idempotency_key rename column idempotency_key to row_id;
alter table idempotency_key alter column row_id type char(64);
alter table idempotency_key add column sealed_location bytea;
alter table idempotency_key add primary key (row_id);
