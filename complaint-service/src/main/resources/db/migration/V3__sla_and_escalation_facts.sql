-- What escalation-service tells about a report (lookout.escalation.v1), kept on the report so that it shows its due
-- times and whether they were met, and so that statistics need no second service: a response is "in time" when the
-- report was responded to and its response clock never breached.
alter table report
    add column response_due_at          timestamp(6) with time zone,
    add column response_breached_at     timestamp(6) with time zone,
    add column resolution_due_at        timestamp(6) with time zone,
    add column resolution_breached_at   timestamp(6) with time zone,
    add column due_provisional          boolean not null default false,
    -- the escalation the report waits for (ESCALATED) or last waited for, and the agency's outcome code
    add column escalation_id            uuid,
    add column escalation_outcome       varchar(24),
    -- staff wait for the reporter: the SLA clocks are paused (lookout.complaint.paused/resumed)
    add column awaiting_reporter_since  timestamp(6) with time zone;

-- the ledger and statistics read history in time order
create index report_history_at on report_history (at, id);
