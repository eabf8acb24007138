-- The worklists' text index (V42, report_worklist_text) evaluates report_text_bigrams at every insert of a report and
-- every update that is not HOT, and ANALYZE evaluates it for every sampled row. As a LANGUAGE sql function that cannot
-- be inlined (an aggregate over a join) PostgreSQL parsed, analysed and planned its query at each of those statements;
-- plpgsql parses and analyses it once per connection (it still plans it per call: custom plans, the text's length sizing
-- generate_series). Same query, same result for every input, so the index's entries stay valid and the index is not
-- rebuilt. Figures: complaint-service/bench/text-index.sh, docs/decisions/complaint-intake-benchmark.md.
create or replace function report_text_bigrams(text) returns text[] language plpgsql immutable strict parallel safe as $$
begin
    return (select coalesce(array_agg(distinct substr(t, i, 2)), '{}')
              from (select lower($1) as t) s, generate_series(1, length(s.t) - 1) i);
end
$$;
