-- Issue 13: the SLA board reads only what is open, whatever the years of closed reports behind it. Open clocks
-- (running, paused, or breached with the work not done) and waiting escalations (open, acknowledged, overdue) of
-- reports not about officials, per community: each board query walks one of these partial indexes (see
-- escalation-service/bench/board.sh for the plans and timings on 100,000 reports).
create index sla_clock_board_open on sla_clock (community_code, due_at)
    where not confidential and (state in ('RUNNING', 'PAUSED') or (state = 'BREACHED' and stopped_at is null));
create index escalation_board_waiting on escalation (community_code, due_at)
    where not confidential and status in ('OPEN', 'ACKNOWLEDGED', 'OVERDUE');
