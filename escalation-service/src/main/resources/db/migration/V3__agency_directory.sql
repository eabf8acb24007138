-- The agencies escalations go to. oidc_client_id is the Keycloak client whose tokens act for the agency (its
-- `agency` claim carries the code); agencies without a client are reached by webhook or email only.
create table agency (
    code           varchar(40)  primary key,
    kind           varchar(24)  not null check (kind in ('PUBLIC_SECURITY', 'POLICE_STATION', 'MARKET_REGULATION',
                                   'CIVIL_AFFAIRS', 'HOUSING', 'URBAN_MANAGEMENT', 'STREET_OFFICE', 'DISCIPLINE_COMMISSION')),
    name_zh        varchar(100) not null,
    name_en        varchar(100) not null,
    -- a street code (DCYJD) or a district code (DISTRICT, the demo district)
    jurisdiction   varchar(16)  not null,
    oidc_client_id varchar(100) unique,
    webhook_url    varchar(500),
    active         boolean      not null,
    updated_at     timestamp(6) with time zone not null
);

-- the demo directory; the first four match the Keycloak demo clients (deploy/keycloak/lookout-realm.json)
insert into agency (code, kind, name_zh, name_en, jurisdiction, oidc_client_id, webhook_url, active, updated_at) values
    ('police-dcy', 'POLICE_STATION', '东朝阳路派出所', 'Dongchaoyang Road Police Station', 'DCYJD', 'agency-police-dcy', null, true, now()),
    ('market-dcy', 'MARKET_REGULATION', '东朝阳路市场监管所', 'Dongchaoyang Road Market Regulation Office', 'DCYJD', 'agency-market-dcy', null, true, now()),
    ('psb-district', 'PUBLIC_SECURITY', '区公安分局', 'District Public Security Bureau', 'DISTRICT', 'agency-psb-district', null, true, now()),
    ('discipline-district', 'DISCIPLINE_COMMISSION', '区纪委监委', 'District Discipline Inspection and Supervision Commission', 'DISTRICT', 'agency-discipline-district', null, true, now()),
    ('civil-affairs', 'CIVIL_AFFAIRS', '区民政局', 'District Civil Affairs Bureau', 'DISTRICT', null, null, true, now()),
    ('housing', 'HOUSING', '区住房和城乡建设委员会', 'District Housing and Urban-Rural Development Commission', 'DISTRICT', null, null, true, now()),
    ('urban-management', 'URBAN_MANAGEMENT', '区城市管理委员会', 'District Urban Management Commission', 'DISTRICT', null, null, true, now()),
    ('street-office-dcyjd', 'STREET_OFFICE', '东朝阳路街道办事处', 'Dongchaoyang Road Subdistrict Office', 'DCYJD', null, null, true, now());

-- Every administrator's change to the directory: the entry before (null when created) and after, as JSON.
create table agency_audit (
    id          uuid         primary key,
    at          timestamp(6) with time zone not null,
    actor       varchar(255) not null,
    agency_code varchar(40)  not null,
    old_value   text,
    new_value   text         not null
);

create index agency_audit_code on agency_audit (agency_code, at);
