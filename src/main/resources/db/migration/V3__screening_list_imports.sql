-- Imported restricted-party lists, one row per distinct file per list. A row is never deleted; importing the same
-- bytes again only makes that version current again (current_since). The content is kept so that the lists can be
-- loaded again at start-up and a result can be reproduced from the version it names.
create schema if not exists screening;

create table screening.list_import (
    id            uuid primary key,
    list_id       varchar(64) not null,
    version       varchar(32) not null,
    digest        varchar(80) not null,
    format        varchar(32) not null,
    file_name     varchar(128) not null,
    entries       integer not null,
    warning_count integer not null,
    warnings      varchar not null,
    imported_at   timestamp with time zone not null,
    current_since timestamp with time zone not null,
    content       bytea not null,
    constraint list_import_version unique (list_id, version),
    constraint list_import_digest unique (list_id, digest)
);

create index list_import_current on screening.list_import (list_id, current_since);
