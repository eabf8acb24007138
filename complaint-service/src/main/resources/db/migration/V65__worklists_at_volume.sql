-- Issue 16: the worklists at a city's volume — 1,000,000 reports, ten years of a street (bench/volume.sh); the plans
-- before and after: docs/complaint-volume.md. Each index serves a filter whose few matching reports were found by walking
-- all of a community's reports in due order (the open ones first, then years of closed ones).

-- status: the handful of RECEIVED or ACCEPTED reports of a community (98 ms, 4,055 buffers before; 123 after)
create index report_worklist_status on report (community_code, status, due_at, id);

-- warned: a running clock past 75 %, a few dozen reports in years (55 ms, 2,280 buffers before; 53 after). The
-- predicate is WorklistRepository's WARNED word for word, so the planner can prove the index serves it.
create index report_worklist_warned on report (community_code, due_at, id)
    where (responded_at is null and response_warned_at is not null and response_breached_at is null)
       or (status not in ('RESOLVED', 'CLOSED', 'CLOSED_UNRESOLVABLE', 'REJECTED')
           and resolution_warned_at is not null and resolution_breached_at is null);

-- an inspector's confidential reports of their streets: per community, instead of intersecting the confidential
-- reports with a bitmap of every report of each community (906 ms, 8,701 buffers before; 4,742 after)
create index report_worklist_confidential_community on report (community_code, due_at, id) where confidential;
