-- Licences and pilot approvals. The public view of a licence is stored whole as JSON (body); the columns beside it are
-- what lookups, the expiry job and the holder's own list filter on. version guards against lost updates: an update
-- names the version it read. Every version ever stored is kept in licence_version, with the change that made it.
create schema if not exists licensing;

create table licensing.licence (
    id           varchar(64) primary key,
    version      bigint not null,
    kind         varchar(20) not null,
    number       varchar(64),
    holder       varchar(500) not null,
    uscc         varchar(18),
    organisation varchar(64),
    status       varchar(12) not null,
    valid_until  date,
    synthetic    boolean not null,
    changed_at   timestamp with time zone not null,
    body         varchar not null,
    -- Several nulls are allowed (pilot approvals known only from the news have no number); numbers are unique.
    constraint licence_number_unique unique (number)
);

create index licence_organisation on licensing.licence (organisation);
create index licence_uscc on licensing.licence (uscc);
create index licence_expiry on licensing.licence (status, valid_until);

-- Every version of every licence, with the change that produced it: the licence's full history.
create table licensing.licence_version (
    licence_id varchar(64) not null,
    version    bigint not null,
    change     varchar(12) not null,
    actor      varchar(200) not null,
    at         timestamp with time zone not null,
    reason     varchar(2000),
    body       varchar not null,
    primary key (licence_id, version)
);

-- The last number issued per prefix (合字, a province's abbreviation, or '' for MIIT's domestic licences) and year.
-- Issuing increments the row with an UPDATE, which locks it until the issuing transaction ends: two nodes issuing at
-- once wait for each other, and a rollback gives the number back, so numbers are unique and gap-free.
create table licensing.number_counter (
    prefix     varchar(8) not null,
    issue_year int not null,
    last_seq   int not null,
    primary key (prefix, issue_year)
);

-- Daily jobs (expiry and lapse, the annual-report sweep): a node claims a day with a conditional update of last_day,
-- so only one node runs each day's work.
create table licensing.job_run (
    job      varchar(40) primary key,
    last_day date not null,
    run_by   varchar(100),
    run_at   timestamp with time zone
);
