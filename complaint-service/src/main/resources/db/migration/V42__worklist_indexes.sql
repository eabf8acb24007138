-- The worklists' indexes, chosen from EXPLAIN (ANALYZE, BUFFERS) of every worklist query on 100,000 reports
-- (complaint-service/bench/worklists.sh; the figures are in the README). Each order a worklist pages through is an
-- index's order, so a page reads about as many rows as it shows.

-- staff: one community, by due time (and the community filter of supervisors and admin)
create index report_worklist_community on report (community_code, due_at, id);
-- admin and supervisors (a street's communities), by due time
create index report_worklist_due on report (due_at, id);
-- inspectors: the few confidential reports, by due time
create index report_worklist_confidential on report (due_at, id) where confidential;
-- an item filter: rare items would otherwise be looked for through the whole community
create index report_worklist_item on report (item_code, due_at, id);
-- resolved and not rated (whom to follow up): a quarter of all reports, at the end of the due-time order
create index report_worklist_unrated on report (due_at, id) where status in ('RESOLVED', 'CLOSED') and satisfied is null;
-- the text filter (tracking number, title, address) in any script: the character pairs of the text, so that a GIN
-- index finds the few reports that can contain the words (pg_trgm ignores Chinese characters under the C locale)
create function report_text_bigrams(text) returns text[] language sql immutable strict parallel safe as $$
    select coalesce(array_agg(distinct substr(t, i, 2)), '{}')
      from (select lower($1) as t) s, generate_series(1, length(s.t) - 1) i
$$;
create index report_worklist_text on report
    using gin (report_text_bigrams(tracking_number || ' ' || title || ' ' || coalesce(address, '')));
-- residents' own reports, newest first
create index report_filed_by_received on report (filed_by_ref, received_at desc, id desc);
drop index report_filed_by;
