-- Shipped by the audit library; a service lists db/audit beside its own db/migration (decision 0004: library
-- migrations are V0_x). Append-only: rows are only ever inserted, by AuditTrail, one at a time behind the chain head.
create table audit_chain (
    seq       bigint       primary key,
    at        timestamp(6) with time zone not null,
    actor     varchar(255) not null,
    role      varchar(32),
    action    varchar(64)  not null,
    target    varchar(255) not null,
    reason    varchar(500),
    -- SHA-256 (hex) of the previous row, and of this row's canonical encoding behind it (AuditChain)
    prev_hash char(64)     not null,
    hash      char(64)     not null
);

create index audit_chain_at on audit_chain (at);
create index audit_chain_hash on audit_chain (hash);

-- The last row's number and hash. Every append locks this one row (select … for update) until its transaction ends,
-- so two appends never read the same predecessor: the chain cannot fork.
create table audit_chain_head (
    id   smallint primary key check (id = 1),
    seq  bigint   not null,
    hash char(64) not null
);

insert into audit_chain_head (id, seq, hash) values (1, 0, repeat('0', 64));
