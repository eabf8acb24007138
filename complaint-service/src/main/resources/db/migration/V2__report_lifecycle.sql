-- The lifecycle's facts on the report itself; the history keeps every step, these keep the current answer.
alter table report
    add column reject_reason   varchar(16),
    add column duplicate_of    uuid references report (id),
    add column assignee_unit   varchar(24),
    add column assignee_staff  varchar(64),
    add column response_kind   varchar(16),
    add column responded_at    timestamp(6) with time zone,
    add column resolution      varchar(1000),
    add column resolved_at     timestamp(6) with time zone,
    add column satisfied       boolean,
    add column closed_at       timestamp(6) with time zone;

-- CLOSED_UNRESOLVABLE (19 characters) did not fit the status columns of V1.
alter table report alter column status type varchar(24);
alter table report_history alter column from_status type varchar(24);
alter table report_history alter column to_status type varchar(24);
