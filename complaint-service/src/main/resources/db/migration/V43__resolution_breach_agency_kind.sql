-- Where a breach of an item's resolution clock escalates (issue 13, item 3): the nearest agency of this kind, or, when
-- null, the report's street, whose supervisors work it (督办). escalation-service reads it from the item-changed event.
-- The street is the absence of a kind, never the kind STREET_OFFICE.
alter table taxonomy_item add column resolution_breach_agency_kind varchar(40)
    constraint taxonomy_item_resolution_breach_not_street_office check (resolution_breach_agency_kind <> 'STREET_OFFICE');
