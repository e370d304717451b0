-- Determinations are append-only: the application never updates or deletes a row.
create schema if not exists eligibility;

create table eligibility.determination (
    id                uuid primary key,
    created_at        timestamp with time zone not null,
    as_of             date not null,
    rule_pack_id      varchar(64) not null,
    rule_pack_version varchar(32) not null,
    rule_pack_digest  varchar(80) not null,
    overall           varchar(16) not null,
    request_json      varchar not null,
    body_json         varchar not null
);

create index determination_created_at on eligibility.determination (created_at);
