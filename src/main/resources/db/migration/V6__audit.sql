-- The audit trail: one row per state change of any module, appended and never changed. Each row carries the hash of
-- the row before it and its own hash over its fields (docs/audit.md), so that an edit, a deletion or a reordering is
-- found by walking the chain. chain_head is the single row every append locks first (select … for update): it
-- serialises appends across threads and nodes, so that two writers never fork the chain.
create schema if not exists audit;

create table audit.audit_record (
    seq                bigint primary key,
    at                 timestamp with time zone not null,
    actor_id           varchar(64),
    actor_name         varchar(200) not null,
    actor_organisation varchar(64),
    module             varchar(32) not null,
    action             varchar(64) not null,
    subject_type       varchar(64) not null,
    subject_id         varchar(200) not null,
    before_summary     varchar(2000),
    after_summary      varchar(2000),
    previous_hash      varchar(64) not null,
    hash               varchar(64) not null,
    constraint audit_record_hash_unique unique (hash)
);

create index audit_record_subject on audit.audit_record (subject_id, seq);

create table audit.chain_head (
    id   int primary key,
    seq  bigint not null,
    hash varchar(64) not null,
    constraint chain_head_single check (id = 1)
);

insert into audit.chain_head (id, seq, hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
