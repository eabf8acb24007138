-- The lookout roster (监督员队伍): staff appoint and retire the lookouts of their community. Appointing gives the
-- Keycloak user the realm role lookout and the community attribute through the Keycloak admin API; the change is
-- made by a job after the appointment is stored (an outage of Keycloak delays it, never drops it), and when Keycloak
-- does not allow it, account_change holds the exact change for an administrator.
create table lookout (
    id              uuid         primary key,
    community_code  varchar(8)   not null references community (code),
    username        varchar(255) not null,
    name            varchar(100) not null,
    kind            varchar(32)  not null check (kind in ('BUILDING_HEAD', 'CLEANER', 'PEOPLES_CONGRESS_DEPUTY',
                                                          'RESIDENT_REPRESENTATIVE')),
    buildings       varchar(100)[] not null,
    appointed_on    date         not null,
    retired_on      date,
    active          boolean      not null,
    -- the keyed pseudonym of the Keycloak user (as reports store their filer), once the account is found
    reporter_ref    varchar(64),
    account_state   varchar(24)  not null check (account_state in ('PENDING_GRANT', 'GRANTED', 'PENDING_REVOKE',
                                                                    'REVOKED', 'NEEDS_ADMINISTRATOR', 'NO_SUCH_USER')),
    account_change  varchar(2000),
    account_attempts integer     not null default 0,
    account_next_attempt_at timestamp(6) with time zone,
    version         integer      not null,
    check (active = (retired_on is null))
);

-- one active appointment per account
create unique index lookout_active_username on lookout (lower(username)) where active;
create index lookout_community on lookout (community_code, active);
-- what the account job has to do, soonest first
create index lookout_account_due on lookout (account_next_attempt_at)
    where account_state not in ('GRANTED', 'REVOKED');

-- The buildings of a community, as staff register them: the roster shows those no active lookout covers.
create table community_building (
    community_code varchar(8)   not null references community (code),
    building       varchar(100) not null,
    primary key (community_code, building)
);
