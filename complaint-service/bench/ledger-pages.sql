-- The ledger's page statement before and after V66 on the same data in the same run: each walks every page of 500 of a
-- community's changes in a period (keyset on (at, id), as LedgerRepository does), three times, alternating; prints
-- rows, seconds and rows/s of the fastest walk of each and the ratio. No HTTP, no CSV: the database's share alone.
--
--   psql … -v community=DCY -v from=2025-01-01 -v to=2026-01-01 -f complaint-service/bench/ledger-pages.sql
-- (from/to: dates, the period [from, to) at Asia/Shanghai midnight; run by volume.sh step 3)
\set ON_ERROR_STOP on
-- psql does not interpolate inside $$: the parameters go in as settings
select set_config('bench.community', :'community', false) as c, set_config('bench.from', :'from', false) as f,
       set_config('bench.to', :'to', false) as t \gset bench_
create temporary table ledger_walk (statement text, round int, pages int, rows bigint, seconds numeric);
do $$
declare
    community constant text := current_setting('bench.community');
    period_start constant timestamptz := current_setting('bench.from')::date::timestamp at time zone 'Asia/Shanghai';
    period_end constant timestamptz := current_setting('bench.to')::date::timestamp at time zone 'Asia/Shanghai';
    statements constant text[] := array[
        -- before V66: every community's changes in time order, the report looked up to keep the community's
        $q$select h.id, h.report_id, h.at, h.from_status, h.to_status, h.actor_role, h.note,
                  r.tracking_number, r.item_code, r.category_code, r.channel, r.confidential
             from report_history h join report r on r.id = h.report_id
            where r.community_code = $1 and h.at >= $2 and h.at < $3 and (h.at, h.id) > ($4, $5)
            order by h.at, h.id limit 500$q$,
        -- after V66 (LedgerRepository.PAGE): the community's own changes through report_history_community_at
        $q$select h.id, h.report_id, h.at, h.from_status, h.to_status, h.actor_role, h.note,
                  r.tracking_number, r.item_code, r.category_code, r.channel, r.confidential
             from report_history h join report r on r.id = h.report_id
            where h.community_code = $1 and h.at >= $2 and h.at < $3 and (h.at, h.id) > ($4, $5)
            order by h.at, h.id limit 500$q$];
    names constant text[] := array['before V66 (r.community_code)', 'after V66 (h.community_code)'];
    s int;
    round int;
    after_at timestamptz;
    after_id bigint;
    n int;
    pages int;
    total bigint;
    started timestamptz;
    last record;
begin
    for round in 1 .. 3 loop
        for s in 1 .. 2 loop
            after_at := period_start; after_id := 0; pages := 0; total := 0;
            started := clock_timestamp();
            loop
                n := 0;
                for last in execute statements[s] using community, period_start, period_end, after_at, after_id loop
                    n := n + 1;
                    after_at := last.at; after_id := last.id;
                end loop;
                pages := pages + 1; total := total + n;
                exit when n < 500;
            end loop;
            insert into ledger_walk values (names[s], round, pages, total,
                extract(epoch from clock_timestamp() - started));
        end loop;
    end loop;
end $$;
select statement, min(pages) as pages, min(rows) as rows, max(rows) = min(rows) as same_rows,
       round(min(seconds), 2) as best_s, round(min(rows) / min(seconds)) as rows_per_s
  from ledger_walk group by statement order by statement desc;
select round((select min(seconds) from ledger_walk where statement like 'before%')
           / (select min(seconds) from ledger_walk where statement like 'after%'), 1) as "after is N times faster";
