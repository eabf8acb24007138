-- Intake's possible-duplicates query (intake.PossibleDuplicateRepository): the newest open reports of one item in one
-- community within the duplicate window. On report_community_received it read every report of the community in the
-- window (any item, any state) and filtered; this index holds only open reports and leads with the item, so the scan
-- reads the few candidates and stops at the limit. Plans before and after: docs/decisions/complaint-intake-benchmark.md.
create index report_open_by_item on report (community_code, item_code, received_at)
    where status not in ('CLOSED', 'CLOSED_UNRESOLVABLE', 'REJECTED');
