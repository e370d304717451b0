-- API tokens for machine clients, and the failed sign-ins that lock an account or an address out for a while.

-- A token acts for its user, in the user's organisation, with at most the roles listed here (and never more than the
-- user holds at the time of use). Only the SHA-256 of the secret is kept: the secret is 256 random bits, so a fast
-- hash is as safe as a slow one and costs microseconds per request instead of a bcrypt.
create table accounts.api_token (
    id              uuid primary key,
    user_id         uuid not null references accounts.user_account (id) on delete cascade,
    organisation_id uuid not null references accounts.organisation (id),
    name            varchar(100) not null,
    secret_sha256   char(64) not null,
    roles           varchar(100) not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    revoked_at      timestamp with time zone,
    last_used_at    timestamp with time zone,
    constraint api_token_secret_unique unique (secret_sha256),
    constraint api_token_name_unique unique (user_id, name),
    constraint api_token_expires_after_creation check (expires_at > created_at)
);

create index api_token_user on accounts.api_token (user_id);

-- Failed password sign-ins counted per key ('account:<username>' or 'address:<ip>') in a window; a key with too many
-- is locked until locked_until. Kept in the database so that every node of a cluster agrees.
create table accounts.sign_in_failures (
    limit_key    varchar(120) primary key,
    failures     int not null,
    window_start timestamp with time zone not null,
    locked_until timestamp with time zone
);
