-- Issue 16: the ledger CSV of a community-year at a city's volume (docs/complaint-volume.md). report_history did not know
-- its community, so each page of 500 read the changes of every community in time order and looked each report up to
-- drop the other communities' (4 of 5 rows thrown away, ~7,000 buffers a page). With the community on the history
-- row and an index (community_code, at, id) a page reads its own 500 changes, in keyset order, and their 500 reports.

alter table report_history add column community_code varchar(8);

-- Filled on insert by the database, so no writer (intake, lifecycle, follow-ups, consumers) has to know the column: a
-- report never changes community, so its history's community is the report's. A writer may set it itself (bulk loads).
-- Intake writes the report and its first history row in one statement (IntakeRepository's CTEs): the lookup sees the
-- report because the report's CTE is read by the main query, so it runs before the history's, and a volatile function
-- sees the rows its statement wrote before it. Should that order ever change, the not-null below fails every intake
-- test rather than lose a row; intake naming the community itself would drop the reliance (and the lookup).
create function report_history_community() returns trigger language plpgsql as $$
begin
    if new.community_code is null then
        select r.community_code into new.community_code from report r where r.id = new.report_id;
    end if;
    return new;
end $$;

create trigger report_history_community before insert on report_history
    for each row execute function report_history_community();

-- The backfill rewrites every history row once (5.7 M rows at a million reports: timed in docs/complaint-volume.md).
update report_history h set community_code = r.community_code from report r where r.id = h.report_id;

alter table report_history alter column community_code set not null;

create index report_history_community_at on report_history (community_code, at, id);
