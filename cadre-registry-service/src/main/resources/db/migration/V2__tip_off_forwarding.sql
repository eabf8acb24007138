-- An inspector forwards a tip-off to the discipline organs (ARCHITECTURE §6, §7): who and when are kept with it, and
-- whether the accused heads the body that would receive it (then escalation-service sends it to the level above).
alter table tip_off drop constraint tip_off_status_check;
alter table tip_off add constraint tip_off_status_check check (status in ('RECEIVED', 'FORWARDED'));
alter table tip_off
    add column forwarded_at                 timestamp(6) with time zone,
    add column forwarded_by                 varchar(255),
    add column accused_heads_receiving_body boolean,
    add column version                      integer not null default 0;
