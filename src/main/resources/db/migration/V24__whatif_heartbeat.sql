-- What-if runs on several nodes. A run's node writes heartbeat_at (the database's time, so that the nodes' clocks do
-- not matter) with every page of progress and every 15 seconds while the run waits or works; any node marks a run
-- FAILED once its heartbeat is a minute old, and no sooner. cancel_requested carries a cancel asked for on another
-- node to the node that runs it.

alter table whatif.run add column heartbeat_at timestamp with time zone;
alter table whatif.run add column cancel_requested boolean default false not null;
