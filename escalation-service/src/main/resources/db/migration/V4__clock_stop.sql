-- Issue 4: clocks stop (RESPONDED / RESOLVED), are cancelled (REJECTED / CLOSED) and restart (REOPENED).
-- stopped_at: when the clock ended, by the event's change time (stopped or cancelled); null while it runs.
-- met: whether a stopped clock stopped at or before its deadline; null while it runs and for cancelled clocks.
alter table sla_clock
    add column stopped_at timestamp(6) with time zone,
    add column met        boolean;
