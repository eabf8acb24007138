-- Issue 16: the SLA board at a city's volume (1,000,000 reports; complaint-service/bench/volume.sh, plans in
-- docs/complaint-volume.md). The open clocks of a street are some ten thousand rows spread over as many heap pages of
-- years of stopped clocks: the board read each page (10,074 buffers, 263 ms for the clocks at risk). The same partial
-- index carrying every column the board reads answers from the index alone (Index Only Scan, no heap fetch once
-- vacuumed): 17.6 ms.
create index sla_clock_board_open_covering on sla_clock (community_code, due_at)
    include (report_id, item_code, kind, state, started_at, warn_at, warned_at, breached_at, report_received_at)
    where not confidential and (state in ('RUNNING', 'PAUSED') or (state = 'BREACHED' and stopped_at is null));
drop index sla_clock_board_open;
