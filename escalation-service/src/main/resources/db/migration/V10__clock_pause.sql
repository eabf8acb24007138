-- Issue 4: clocks pause while staff wait for the reporter (lookout.complaint.paused.v1) and resume with their warning
-- and due time moved later by the working days that ended meanwhile (lookout.complaint.resumed.v1).
-- paused_at: when the clock paused, by the event's change time; set exactly while the clock is PAUSED.
alter table sla_clock
    add column paused_at timestamp(6) with time zone,
    add constraint sla_clock_paused_since check ((state = 'PAUSED') = (paused_at is not null));
