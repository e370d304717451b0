-- Notifications: the in-app inbox, the e-mail outbox and the addresses users gave for e-mail copies.
-- Rows of message and outbox are written in the transaction of the application transition that caused them, so a
-- rolled-back transition leaves none and a committed one never loses one. One spelling for H2 and PostgreSQL.
create schema if not exists notifications;

-- One inbox message for one user (accounts.user_account.id, referenced by value: modules share no tables).
create table notifications.message (
    id          uuid primary key,
    recipient   uuid not null,
    topic       varchar(40) not null,
    application uuid,
    link        varchar(200) not null,
    subject_zh  varchar(300) not null,
    subject_en  varchar(300) not null,
    body_zh     varchar(2000) not null,
    body_en     varchar(2000) not null,
    created_at  timestamp with time zone not null,
    read_at     timestamp with time zone
);

create index message_recipient on notifications.message (recipient, created_at);

-- E-mail waiting to be sent. A sender claims due rows (select ... for update skip locked, then a conditional update
-- of claimed_by/claimed_until), sends outside any transaction and records the outcome. A claim left by a node that
-- died expires at claimed_until and the row is tried again.
create table notifications.outbox (
    id              uuid primary key,
    message         uuid not null references notifications.message (id),
    address         varchar(320) not null,
    subject         varchar(700) not null,
    body            varchar(8000) not null,
    status          varchar(8) not null,
    attempts        int not null,
    next_attempt_at timestamp with time zone not null,
    claimed_by      varchar(100),
    claimed_until   timestamp with time zone,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    constraint outbox_status_known check (status in ('PENDING', 'SENT', 'FAILED'))
);

create index outbox_due on notifications.outbox (status, next_attempt_at);

-- Where a user wants e-mail copies of their inbox messages; none means in-app only.
create table notifications.mail_address (
    recipient  uuid primary key,
    address    varchar(320) not null,
    updated_at timestamp with time zone not null
);
