-- Statistics: read models built only from the other modules' events (licensing's LicenceChanged, CreditListChanged
-- and AnnualReportChanged, applications' ApplicationChanged, screening's ScreeningReviewed), never from their tables.
-- Every write is idempotent: facts carry the version (or the moment) they were made from and are replaced only by a
-- newer one, so a redelivered event changes nothing and a replay gives the same figures.

create schema if not exists statistics;

-- One row per licence or pilot approval as it stands now: only what the figures need.
create table statistics.licence (
    id               varchar(64) primary key,
    version          bigint not null,
    -- Who holds it, for counting enterprises: 'uscc:' + the USCC, or 'name:' + the registered name without one.
    holder_key       varchar(400) not null,
    kind             varchar(32) not null,
    foreign_invested boolean not null,
    pilot            boolean not null,
    pilot_area       varchar(64),
    authority        varchar(16) not null,
    issued_on        date not null,
    -- The first day it was no longer in force (from its termination); null while in force.
    ended_on         date,
    status           varchar(16) not null,
    -- Whether the holder has a Kaifang organisation (and so files annual reports here).
    organisation     boolean not null,
    synthetic        boolean not null,
    -- The services as counted, 'code[/item]@area' joined by ';', so that the counters of the version it replaces can be
    -- taken back without asking licensing.
    services         varchar(4000) not null
);

create index licence_foreign on statistics.licence (foreign_invested, issued_on);

-- Counters of licences by dimension and key (service, item, area, authority; for pilot approvals pilot-area,
-- pilot-service, pilot-batch), per month of issue and month the licence ended ('9999-12' while in force), so that a
-- figure sums a few hundred counters whatever the number of licences. Kept in step with statistics.licence.
create table statistics.licence_tally (
    dimension        varchar(32) not null,
    tally_key        varchar(64) not null,
    issued_month     char(7) not null,
    ended_month      char(7) not null,
    foreign_invested boolean not null,
    licences         bigint not null,
    primary key (dimension, tally_key, issued_month, ended_month, foreign_invested)
);

-- Credit-list entries as they stand (an entry changes only when it is taken off).
create table statistics.credit_entry (
    id          varchar(64) primary key,
    list        varchar(16) not null,
    listed_on   date not null,
    removed_on  date,
    synthetic   boolean not null,
    changed_at  timestamp with time zone not null
);

-- One row per application: when it reached each stage, how often and how long its acceptance clock was paused,
-- and the statutory due dates the applications module published.
create table statistics.application (
    id              varchar(36) primary key,
    version         bigint not null,
    type            varchar(32) not null,
    status          varchar(32) not null,
    submitted_on    date,
    accepted_on     date,
    acceptance_due  date,
    decided_on      date,
    decision_due    date,
    pauses          integer not null,
    paused_since    date,
    paused_days     integer not null
);

create index application_decided on statistics.application (decided_on);

-- Screening review actions (an alert raised = a hit, confirmed, dismissed): one row per alert and action, so a
-- redelivered event is not counted twice.
create table statistics.screening_action (
    alert       varchar(36) not null,
    action      varchar(16) not null,
    acted_on    date not null,
    primary key (alert, action)
);

create index screening_action_day on statistics.screening_action (acted_on);

-- Annual reports (年报): where each licence's report on a year stands.
create table statistics.annual_report (
    licence_id    varchar(64) not null,
    report_year   integer not null,
    status        varchar(16) not null,
    submitted_on  date,
    confirmed_on  date,
    changed_at    timestamp with time zone not null,
    primary key (licence_id, report_year)
);
