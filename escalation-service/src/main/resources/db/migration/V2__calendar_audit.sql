-- Every administrator's change to the working calendar: who, when, which day, what it was and what it became, and why.
-- old_kind and new_kind are the day's effective kind before and after (the weekday rule when no row existed).
create table calendar_audit (
    id        uuid         primary key,
    at        timestamp(6) with time zone not null,
    actor     varchar(255) not null,
    action    varchar(8)   not null check (action in ('SET', 'CLEAR')),
    day       date         not null,
    old_kind  varchar(16)  not null check (old_kind in ('WORKDAY', 'WEEKEND', 'HOLIDAY', 'MAKEUP_WORKDAY')),
    new_kind  varchar(16)  not null check (new_kind in ('WORKDAY', 'WEEKEND', 'HOLIDAY', 'MAKEUP_WORKDAY')),
    reason    varchar(500)
);

create index calendar_audit_day on calendar_audit (day, at);
