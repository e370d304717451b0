-- Screening alerts and the review of each: an alert is raised for a hit an officer must look at; its status
-- changes once, from OPEN to CONFIRMED or DISMISSED. Every action is appended to review_action and never changed.
create schema if not exists screening;

create table screening.alert (
    id             uuid primary key,
    raised_at      timestamp with time zone not null,
    raised_by      varchar(200) not null,
    query          varchar(500) not null,
    name_key       varchar(1000) not null,
    list_id        varchar(100) not null,
    list_version   varchar(100) not null,
    list_digest    varchar(80) not null,
    entry_id       varchar(200) not null,
    entry_name     varchar(500) not null,
    matched_name   varchar(500) not null,
    score          double precision not null,
    outcome        varchar(16) not null,
    as_of          date not null,
    listings_zh    varchar not null,
    listings_en    varchar not null,
    explanation_zh varchar not null,
    explanation_en varchar not null,
    status         varchar(16) not null
);

create index alert_status on screening.alert (status, raised_at);
create index alert_remembered on screening.alert (name_key, list_id, list_version, entry_id);

create table screening.review_action (
    id       uuid primary key,
    alert_id uuid not null references screening.alert (id),
    at       timestamp with time zone not null,
    officer  varchar(200) not null,
    action   varchar(16) not null,
    reason   varchar(2000)
);

create index review_action_alert on screening.review_action (alert_id, at);
