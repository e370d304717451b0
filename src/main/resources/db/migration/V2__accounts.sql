-- Accounts: organisations, their users and the users' roles. Passwords are stored only as Spring Security
-- DelegatingPasswordEncoder hashes ("{bcrypt}$2a$..."), never in clear.
create schema if not exists accounts;

create table accounts.organisation (
    id           uuid primary key,
    name         varchar(200) not null,
    english_name varchar(200),
    kind         varchar(16) not null,
    uscc         varchar(18),
    created_at   timestamp with time zone not null,
    constraint organisation_name_unique unique (name),
    constraint organisation_uscc_unique unique (uscc),
    constraint organisation_kind_known check (kind in ('COMPANY', 'REGULATOR'))
);

create table accounts.user_account (
    id              uuid primary key,
    username        varchar(64) not null,
    display_name    varchar(100) not null,
    organisation_id uuid not null references accounts.organisation (id),
    password_hash   varchar(200) not null,
    enabled         boolean not null,
    created_at      timestamp with time zone not null,
    constraint user_account_username_unique unique (username)
);

create index user_account_organisation on accounts.user_account (organisation_id);

create table accounts.user_role (
    user_id uuid not null references accounts.user_account (id) on delete cascade,
    role    varchar(16) not null,
    primary key (user_id, role),
    constraint user_role_known check (role in ('APPLICANT', 'CASE_OFFICER', 'APPROVER', 'REGISTRAR', 'ADMIN'))
);

-- Sessions of signed-in users, kept by Spring Session JDBC so that every node of a cluster sees them
-- (spring.session.jdbc.table-name=accounts.web_session). Spring Session's own schema, one spelling for H2 and
-- PostgreSQL.
create table accounts.web_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint web_session_pk primary key (primary_id)
);

create unique index web_session_ix1 on accounts.web_session (session_id);
create index web_session_ix2 on accounts.web_session (expiry_time);
create index web_session_ix3 on accounts.web_session (principal_name);

create table accounts.web_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint web_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint web_session_attributes_fk foreign key (session_primary_id)
        references accounts.web_session (primary_id) on delete cascade
);
