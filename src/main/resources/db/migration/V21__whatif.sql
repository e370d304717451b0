-- Policy what-if runs: every holder and pending application judged under the current pack and a candidate as of a
-- date. Only the services whose outcome changes are kept, one row each, so a run's storage grows with what changes,
-- not with the number of holders.

create schema if not exists whatif;

create table whatif.run (
    id                uuid primary key,
    -- Who started it: runs are visible to the staff of this organisation only.
    organisation      varchar(64) not null,
    started_by        varchar(200) not null,
    -- bundled:NAME, directory:PATH or upload:DIGEST: where the candidate came from, to judge it again.
    candidate_source  varchar(1000) not null,
    candidate_version varchar(100) not null,
    candidate_digest  varchar(80) not null,
    current_version   varchar(100) not null,
    current_digest    varchar(80) not null,
    as_of             date not null,
    status            varchar(12) not null,
    started_at        timestamp with time zone not null,
    finished_at       timestamp with time zone,
    estimate          bigint not null,
    subjects          bigint not null,
    skipped           bigint not null,
    services          bigint not null,
    distinct_inputs   bigint not null,
    gains             bigint not null,
    losses            bigint not null,
    problem           varchar(2000)
);

create index run_organisation on whatif.run (organisation, started_at);

create table whatif.change (
    run_id         uuid not null,
    seq            bigint not null,
    subject_kind   varchar(12) not null,
    subject_ref    varchar(64) not null,
    subject_name   varchar(500) not null,
    uscc           varchar(18),
    seat           varchar(6) not null,
    area           varchar(6) not null,
    -- The judged facts, to judge the subject again for its per-rule difference: zones and equity as given.
    zones          varchar(500) not null,
    equity         numeric(7, 4) not null,
    equity_assumed boolean not null,
    service        varchar(40) not null,
    -- The service as judged (code, item, coverage, facilities, content) as JSON.
    service_json   varchar(4000) not null,
    direction      varchar(5) not null,
    current_outcome   varchar(16) not null,
    candidate_outcome varchar(16) not null,
    current_rule   varchar(80) not null,
    candidate_rule varchar(80) not null,
    primary key (run_id, seq)
);

create index change_report on whatif.change (run_id, service, area, direction);
create index change_subject on whatif.change (run_id, subject_ref);
