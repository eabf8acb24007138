-- Issue 13: the SLA board reads only what is open, whatever the years of closed reports behind it. Open clocks
-- (running, paused, or breached with the work not done) and waiting escalations (open, acknowledged, overdue) of
-- reports not about officials, per community, and the waiting parts: each board query walks one of these partial
-- indexes (escalation-service/bench/board.sh measures them on 100,000 reports).
create index sla_clock_board_open on sla_clock (community_code, due_at)
    where not confidential and (state in ('RUNNING', 'PAUSED') or (state = 'BREACHED' and stopped_at is null));
create index escalation_board_waiting on escalation (community_code, due_at)
    where not confidential and status in ('OPEN', 'ACKNOWLEDGED', 'OVERDUE');
create index escalation_part_waiting on escalation_part (escalation_id)
    where status in ('OPEN', 'ACKNOWLEDGED', 'OVERDUE');

-- When the report was received (its response clock's start), on each of its clocks: the board's oldest open report is
-- read from the open clocks alone, without a lookup per report. Clocks of reports already known take the earliest
-- start among the report's clocks.
alter table sla_clock add column report_received_at timestamp(6) with time zone;
update sla_clock c set report_received_at = first.started_at
    from (select report_id, min(started_at) as started_at from sla_clock group by report_id) first
    where first.report_id = c.report_id;
alter table sla_clock alter column report_received_at set not null;
