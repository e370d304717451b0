-- The public register: a read model built only from the licensing module's events (LicenceChanged and
-- CreditListChanged), never from licensing's tables. licence holds each licence as it stands now (the whole public view
-- as JSON, plus the columns search filters and sorts on); licence_history every version the register was told of;
-- licence_service and licence_area the service codes and coverage areas a licence has, for filters and facets.
-- facet_count keeps the facet counts of the whole register, so that the unfiltered search page counts nothing.
-- On PostgreSQL, RegisterIndexes adds trigram indexes for partial-name search when pg_trgm can be created
-- (docs/register.md); the queries are the same without them, only slower.
create schema if not exists register;

create table register.licence (
    id               varchar(64) primary key,
    kind             varchar(32) not null,
    number           varchar(64),
    holder           varchar(300) not null,
    holder_en        varchar(300),
    -- The holder's names as searched: lower-cased English, and the Chinese name with every character written as
    -- 'g' + its hex code point + 'g' (NameKey), which keeps partial matches aligned to whole characters and gives even
    -- a one-character query trigrams, whatever the database's locale.
    name_key         varchar(2000) not null,
    name_key_en      varchar(300),
    uscc             varchar(18),
    authority        varchar(16) not null,
    foreign_invested boolean not null,
    pilot            boolean not null,
    status           varchar(16) not null,
    issued_on        date not null,
    valid_until      date,
    synthetic        boolean not null,
    version          bigint not null,
    changed_at       timestamp with time zone not null,
    changed_on       date not null,
    view_json        varchar(100000) not null
);

create unique index licence_number on register.licence (number);
create index licence_uscc on register.licence (uscc);
create index licence_holder on register.licence (holder, id);
create index licence_status on register.licence (status, holder, id);
create index licence_changed_on on register.licence (changed_on, id);

create table register.licence_service (
    licence_id varchar(64) not null references register.licence (id) on delete cascade,
    code       varchar(16) not null,
    primary key (licence_id, code)
);

create index licence_service_code on register.licence_service (code, licence_id);

create table register.licence_area (
    licence_id varchar(64) not null references register.licence (id) on delete cascade,
    area       varchar(16) not null,
    primary key (licence_id, area)
);

create index licence_area_area on register.licence_area (area, licence_id);

create table register.licence_history (
    licence_id  varchar(64) not null,
    version     bigint not null,
    change      varchar(32) not null,
    actor       varchar(200) not null,
    at          timestamp with time zone not null,
    changed_on  date not null,
    reason      varchar(2000),
    view_json   varchar(100000) not null,
    primary key (licence_id, version)
);

create index licence_history_changed_on on register.licence_history (changed_on, licence_id, version);

create table register.credit_entry (
    id             varchar(64) primary key,
    list           varchar(16) not null,
    operator       varchar(300) not null,
    uscc           varchar(18),
    licence_number varchar(64),
    listed_on      date not null,
    reason         varchar(2000) not null,
    authority      varchar(200) not null,
    removed_on     date,
    removal_reason varchar(2000),
    synthetic      boolean not null,
    changed_at     timestamp with time zone not null
);

create index credit_entry_list on register.credit_entry (list, listed_on, id);

create table register.facet_count (
    facet varchar(16) not null,
    val   varchar(32) not null,
    n     bigint not null,
    primary key (facet, val)
);
