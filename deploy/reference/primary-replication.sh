#!/usr/bin/env bash
# Runs once, when the primary's data directory is first created (docker-entrypoint-initdb.d): a role the replica
# streams with, and a pg_hba.conf line that lets it connect from the compose network.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" \
  -v password="$KAIFANG_REPLICATION_PASSWORD" <<'SQL'
create role replicator with replication login password :'password';
SQL
echo "host replication replicator all scram-sha-256" >>"$PGDATA/pg_hba.conf"
