-- Locks that let only one node at a time run a scheduled job when several nodes share this database (ShedLock's
-- JDBC provider, org.kaifang.cluster). One row per job name: lock_until is when the holder's lock ends (taken from the
-- database's clock, so the nodes' clocks need not agree), locked_by the node that took it last.
create schema if not exists cluster;

create table cluster.scheduler_lock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
