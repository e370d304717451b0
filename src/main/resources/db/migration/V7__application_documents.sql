-- Documents of licence applications. One row per version of a document; after submission rows are only added, never
-- replaced. The content is kept apart (document_content, or files named after the id when
-- kaifang.documents.storage=directory); the file name a user sent is display text only.
create table applications.document (
    id               uuid primary key,
    application_id   uuid not null,
    kind             varchar(40) not null,
    version          integer not null,
    media_type       varchar(40) not null,
    size_bytes       bigint not null,
    sha256           varchar(64) not null,
    display_name     varchar(500) not null,
    uploaded_by      varchar(64) not null,
    uploaded_by_name varchar(200) not null,
    uploaded_at      timestamp with time zone not null,
    constraint document_version unique (application_id, kind, version)
);

create table applications.document_content (
    document_id uuid primary key,
    content     bytea not null
);
