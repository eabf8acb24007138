-- Issue 14: a report copied to an agency for information (抄送). Such an escalation (kind INFORM) has one part of kind
-- INFORM: no lead, no deadline, never overdue; the agency reads the case file, may acknowledge, comment and close it.
alter table escalation add column kind varchar(8) not null default 'ACT' check (kind in ('ACT', 'INFORM'));
alter table escalation_part add column kind varchar(8) not null default 'ACT' check (kind in ('ACT', 'INFORM'));
alter table escalation alter column lead_agency_code drop not null;
alter table escalation alter column working_days drop not null;
alter table escalation alter column due_at drop not null;
alter table escalation add constraint escalation_act_has_lead_and_deadline check (kind = 'INFORM'
    or (lead_agency_code is not null and working_days is not null and due_at is not null));

-- one open escalation per report and trigger concerns the escalations that act; copies for information are checked
-- per agency by the service (a report may be copied to several agencies, one after the other)
drop index escalation_open_per_trigger;
create unique index escalation_open_per_trigger on escalation (report_id, trigger)
    where status in ('OPEN', 'ACKNOWLEDGED', 'OVERDUE') and kind = 'ACT';
