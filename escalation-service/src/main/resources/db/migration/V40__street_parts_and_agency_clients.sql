-- Issue 13: the street is no external agency. A part addressed to a street office (kind STREET_OFFICE) is worked by
-- that street's supervisors through the same acknowledge / progress / resolve / return API: street_code names the
-- street whose supervisors act on it (null for an agency's part, which the agency's own client works).
alter table escalation_part add column street_code varchar(16);
update escalation_part p set street_code = a.jurisdiction
    from agency a where a.code = p.agency_code and a.kind = 'STREET_OFFICE';

-- The street returns a report to the community with instructions and a new deadline (督办): the instructions are the
-- return note, return_due_at the deadline it gave. Only the street's parts return that way.
alter table escalation_part add column return_due_at timestamp(6) with time zone;
alter table escalation_part drop constraint escalation_part_return_reason_check;
alter table escalation_part
    add constraint escalation_part_return_reason_check check (return_reason in ('NOT_RESPONSIBLE',
        'WRONG_JURISDICTION', 'INSUFFICIENT_INFORMATION', 'INSTRUCTIONS_GIVEN')),
    add constraint escalation_part_instructions check (return_reason is distinct from 'INSTRUCTIONS_GIVEN'
        or (street_code is not null and return_due_at is not null and return_note is not null)),
    add constraint escalation_part_return_due check (return_due_at is null or return_reason = 'INSTRUCTIONS_GIVEN');

-- A resolution clock that runs out escalates too: to the street, or to the agency kind the item names.
alter table escalation drop constraint escalation_trigger_check;
alter table escalation add constraint escalation_trigger_check
    check (trigger in ('RESPONSE_BREACHED', 'RESOLUTION_BREACHED', 'IMMEDIATE', 'TIP_OFF', 'MANUAL'));

-- Every agency of the directory can act: each acts through its own client of the realm (deploy/keycloak), whose
-- tokens carry its code in the `agency` claim. The demo agencies that had none get theirs; street offices have none
-- (their street's supervisors act).
update agency set oidc_client_id = 'agency-' || code
    where code in ('civil-affairs', 'housing', 'urban-management', 'discipline-city') and oidc_client_id is null;
