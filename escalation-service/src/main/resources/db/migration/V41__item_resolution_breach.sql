-- Issue 13: where a breach of an item's resolution clock escalates, a taxonomy fact complaint-service owns
-- (ItemChanged.resolutionBreachAgencyKind): the nearest agency of this kind; null: the report's street.
alter table taxonomy_item add column resolution_breach_agency_kind varchar(24);
