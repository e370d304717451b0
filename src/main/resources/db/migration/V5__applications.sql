-- Licence applications. The aggregate is stored whole as JSON (body); the columns beside it are what queues and
-- dashboards filter and sort on. version guards against lost updates: a save names the version it read.
create schema if not exists applications;

create table applications.application (
    id             uuid primary key,
    version        bigint not null,
    type           varchar(20) not null,
    status         varchar(24) not null,
    applicant      varchar(64) not null,
    applicant_name varchar(500) not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    acceptance_due date,
    decision_due   date,
    body           varchar not null
);

create index application_applicant on applications.application (applicant, updated_at);
create index application_status on applications.application (status, updated_at);

-- A creation request retried with the same key returns the application it created, not a second one.
create table applications.idempotency_key (
    organisation   varchar(64) not null,
    idem_key       varchar(200) not null,
    application_id uuid not null,
    request_digest varchar(80) not null,
    created_at     timestamp with time zone not null,
    primary key (organisation, idem_key)
);
