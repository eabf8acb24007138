-- Intake's possible-duplicates query (intake.PossibleDuplicateRepository) as a function whose plan PostgreSQL makes once
-- per connection. Sent as a prepared statement, PostgreSQL planned it at every intake (0.35 ms planning against 0.08 ms
-- executing, with the report table's many partial indexes to prove or refute), because the estimate of its generic plan
-- (any since, any limit) stayed dearer than the custom ones and it never switched. Whatever the parameters, the best
-- path is the same: report_open_by_item (community, item, received_at) read backwards from the newest, filtered, up to
-- the limit; so the function asks for the generic plan. Without values the planner expects a row or two and prefers a
-- bitmap scan of every open report of the item in the window, then a sort: fine on a quiet day, but after a storm
-- (hundreds of reports of one item in one community) it would read them all at every intake where the index, read
-- backwards, stops at the limit. Bitmap scans are therefore off inside this function (PossibleDuplicatesPlanTest).
-- Figures: docs/decisions/complaint-intake-benchmark.md.
create function possible_duplicates(p_community varchar, p_item varchar, p_since timestamptz, p_except uuid,
                                    p_building varchar, p_has_box boolean, p_min_lat double precision,
                                    p_max_lat double precision, p_min_lon double precision, p_max_lon double precision,
                                    p_limit integer)
    returns table (tracking_number varchar, status varchar, received_at timestamptz, latitude double precision,
                   longitude double precision, building varchar)
    language plpgsql stable
    set plan_cache_mode = force_generic_plan
    set enable_bitmapscan = off
as $$
begin
    return query
        select r.tracking_number, r.status, r.received_at, r.latitude, r.longitude, r.building from report r
         where r.community_code = p_community and r.item_code = p_item and r.received_at >= p_since and r.id <> p_except
           and r.status not in ('CLOSED', 'CLOSED_UNRESOLVABLE', 'REJECTED')
           and ((p_building <> '' and lower(regexp_replace(coalesce(r.building, ''), '\s+', '', 'g')) = p_building)
                or (p_has_box and r.latitude between p_min_lat and p_max_lat and r.longitude between p_min_lon and p_max_lon))
         order by r.received_at desc limit p_limit;
end
$$;
