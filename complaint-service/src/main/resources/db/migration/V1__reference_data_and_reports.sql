-- Reference data: streets, communities, the taxonomy of ARCHITECTURE §4. Editable by admin later; seeded here.
create table street (
    code    varchar(16)  primary key,
    name_zh varchar(100) not null,
    name_en varchar(100) not null
);

create table community (
    code        varchar(8)   primary key,
    street_code varchar(16)  not null references street (code),
    name_zh     varchar(100) not null,
    name_en     varchar(100) not null
);

create table category (
    code    varchar(16) primary key,
    name_zh varchar(50) not null,
    name_en varchar(50) not null,
    sort    integer     not null
);

create table taxonomy_item (
    code                   varchar(40)  primary key,
    category_code          varchar(16)  not null references category (code),
    name_zh                varchar(50)  not null,
    name_en                varchar(80)  not null,
    sort                   integer      not null,
    resolution_days        integer      not null check (resolution_days > 0),
    escalates_immediately  boolean      not null,
    escalation_agency_kinds varchar(200) not null default '',
    joint_escalation       boolean      not null,
    confidential           boolean      not null
);

insert into street (code, name_zh, name_en) values ('DCYJD', '东朝阳路街道', 'Dongchaoyang Road Subdistrict');

insert into community (code, street_code, name_zh, name_en) values
    ('DCY', 'DCYJD', '东朝阳路南社区', 'Dongchaoyang Road South'),
    ('DCN', 'DCYJD', '东朝阳路北社区', 'Dongchaoyang Road North'),
    ('XHY', 'DCYJD', '杏花苑社区', 'Xinghuayuan'),
    ('JXY', 'DCYJD', '锦绣园社区', 'Jinxiuyuan'),
    ('HPL', 'DCYJD', '和平里社区', 'Hepingli'),
    ('QNJ', 'DCYJD', '青年街社区', 'Qingnian Street');

insert into category (code, name_zh, name_en, sort) values
    ('LIFE', '社会生活', 'Social life', 1),
    ('SERVICE', '社会服务', 'Social services', 2),
    ('PUBLIC', '社会公共', 'Public affairs', 3),
    ('ENFORCEMENT', '社会执法', 'Law enforcement', 4);

insert into taxonomy_item (code, category_code, name_zh, name_en, sort, resolution_days, escalates_immediately,
                           escalation_agency_kinds, joint_escalation, confidential) values
    ('corridor-lighting', 'LIFE', '楼道照明', 'Corridor lighting', 1, 3, false, '', false, false),
    ('water', 'LIFE', '供水漏水', 'Water supply and leaks', 2, 2, false, '', false, false),
    ('heating-gas', 'LIFE', '供暖燃气', 'Heating and gas', 3, 2, false, '', false, false),
    ('sanitation', 'LIFE', '环境卫生', 'Sanitation', 4, 3, false, '', false, false),
    ('noise', 'LIFE', '噪音扰民', 'Noise', 5, 5, false, '', false, false),
    ('neighbour-dispute', 'LIFE', '邻里纠纷', 'Neighbour dispute', 6, 10, false, '', false, false),
    ('property-management', 'LIFE', '物业管理', 'Property management', 7, 10, false, '', false, false),
    ('subsistence-allowance', 'SERVICE', '低保救助', 'Subsistence allowance', 1, 15, false, '', false, false),
    ('medical-insurance', 'SERVICE', '医疗保险', 'Medical insurance', 2, 15, false, '', false, false),
    ('family-planning-subsidy', 'SERVICE', '独生子女费', 'Only-child subsidy', 3, 15, false, '', false, false),
    ('elderly-care', 'SERVICE', '养老助老', 'Elderly care', 4, 10, false, '', false, false),
    ('employment-social-security', 'SERVICE', '就业社保', 'Employment and social security', 5, 15, false, '', false, false),
    ('convenience-services', 'SERVICE', '便民服务', 'Convenience services', 6, 5, false, '', false, false),
    ('roads-facilities', 'PUBLIC', '道路设施', 'Roads and facilities', 1, 10, false, '', false, false),
    ('greening-cityscape', 'PUBLIC', '绿化市容', 'Greening and cityscape', 2, 10, false, '', false, false),
    ('markets', 'PUBLIC', '早晚市集贸', 'Morning and evening markets', 3, 5, false, '', false, false),
    ('public-safety', 'PUBLIC', '公共安全隐患', 'Public safety hazards', 4, 3, false, '', false, false),
    ('parking-traffic', 'PUBLIC', '停车交通', 'Parking and traffic', 5, 5, false, '', false, false),
    ('food-drug-safety', 'ENFORCEMENT', '食品药品安全', 'Food and drug safety', 1, 5, true, 'MARKET_REGULATION', false, false),
    ('hazardous-materials', 'ENFORCEMENT', '危险物品', 'Hazardous materials', 2, 1, true, 'PUBLIC_SECURITY,MARKET_REGULATION', true, false),
    ('illegal-construction', 'ENFORCEMENT', '违章建筑', 'Illegal construction', 3, 15, false, '', false, false),
    ('unlicensed-business', 'ENFORCEMENT', '无证经营', 'Unlicensed business', 4, 10, false, '', false, false),
    ('cadre-conduct', 'ENFORCEMENT', '干部作风', 'Conduct of officials', 5, 5, true, 'DISCIPLINE_COMMISSION', false, true);

-- Reports. The filer is kept only as a keyed pseudonym of the account (never the raw subject).
create table report (
    id               uuid         primary key,
    tracking_number  varchar(24)  not null unique,
    item_code        varchar(40)  not null references taxonomy_item (code),
    category_code    varchar(16)  not null references category (code),
    community_code   varchar(8)   not null references community (code),
    title            varchar(200) not null,
    description      varchar(4000) not null,
    channel          varchar(16)  not null,
    status           varchar(16)  not null,
    anonymous        boolean      not null,
    confidential     boolean      not null,
    filed_by_ref     varchar(64),
    filed_by_role    varchar(16)  not null,
    address          varchar(300),
    building         varchar(100),
    latitude         double precision,
    longitude        double precision,
    occurred_at      timestamp(6) with time zone,
    received_at      timestamp(6) with time zone not null,
    version          integer      not null
);

create index report_community_received on report (community_code, received_at);
create index report_filed_by on report (filed_by_ref);

-- Gap-free tracking numbers: the counter row is locked and bumped in the report's own transaction.
create table tracking_counter (
    community_code varchar(8) not null references community (code),
    year           integer    not null,
    last_value     integer    not null,
    primary key (community_code, year)
);

-- Every change of a report, in order: the report's history and the raw material of the community ledger.
create table report_history (
    id          bigint generated by default as identity primary key,
    report_id   uuid        not null references report (id),
    at          timestamp(6) with time zone not null,
    from_status varchar(16),
    to_status   varchar(16) not null,
    actor_role  varchar(16) not null,
    note        varchar(1000)
);

create index report_history_report on report_history (report_id, id);
