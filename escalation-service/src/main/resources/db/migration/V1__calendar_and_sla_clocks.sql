-- The working calendar. A row exists only for a day that differs from the plain weekday rule (a statutory holiday, a
-- make-up working day) or that an administrator set; every other day is a WORKDAY Monday-Friday and a WEEKEND otherwise.
create table calendar_day (
    day        date         primary key,
    kind       varchar(16)  not null check (kind in ('WORKDAY', 'WEEKEND', 'HOLIDAY', 'MAKEUP_WORKDAY')),
    name       varchar(50),
    source     varchar(8)   not null check (source in ('SEED', 'ADMIN')),
    updated_at timestamp(6) with time zone not null
);

-- Years whose State Council notice is loaded; a deadline that counts a day of any other year is provisional.
create table calendar_year (
    year      integer      primary key,
    source    varchar(8)   not null check (source in ('SEED', 'ADMIN')),
    loaded_at timestamp(6) with time zone not null
);

-- Communities and their street: the scope of a supervisor's street claim. Mirrors complaint-service's reference data.
create table community (
    code        varchar(8)  primary key,
    street_code varchar(16) not null
);

insert into community (code, street_code) values
    ('DCY', 'DCYJD'), ('DCN', 'DCYJD'), ('XHY', 'DCYJD'), ('JXY', 'DCYJD'), ('HPL', 'DCYJD'), ('QNJ', 'DCYJD');

create table sla_clock (
    id             uuid        primary key,
    report_id      uuid        not null,
    kind           varchar(16) not null check (kind in ('RESPONSE', 'RESOLUTION')),
    community_code varchar(8)  not null,
    item_code      varchar(40) not null,
    confidential   boolean     not null,
    working_days   integer     not null check (working_days > 0),
    started_at     timestamp(6) with time zone not null,
    warn_at        timestamp(6) with time zone not null,
    due_at         timestamp(6) with time zone not null,
    provisional    boolean     not null,
    state          varchar(16) not null check (state in ('RUNNING', 'PAUSED', 'STOPPED', 'BREACHED', 'CANCELLED')),
    warned_at      timestamp(6) with time zone,
    breached_at    timestamp(6) with time zone,
    version        integer     not null,
    -- one clock of each kind per report; a restart (REOPENED) resets the row
    unique (report_id, kind)
);

-- the scheduler's two queries: running clocks whose warning or deadline has come
create index sla_clock_warning_due on sla_clock (warn_at) where state = 'RUNNING' and warned_at is null;
create index sla_clock_breach_due on sla_clock (due_at) where state = 'RUNNING';
