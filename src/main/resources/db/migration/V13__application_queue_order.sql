-- The work queue lists open applications due soonest first. Sorting on coalesce(acceptance_due, decision_due) cannot
-- use an index, so with 100,000 applications every queue page sorted them all; next_due keeps that date in a column
-- of its own (the running clock's due date, null when none runs) and an index serves the order directly.
alter table applications.application add column next_due date;

update applications.application set next_due = coalesce(acceptance_due, decision_due);

create index application_queue on applications.application (status, next_due, updated_at, id);

-- The default queue asks for every open status at once, more than half of all applications: read in due order and
-- filtered, its first page comes from the head of this index instead of from sorting them all. Closed applications
-- have no running clock (next_due is null) and sit at the end.
create index application_due on applications.application (next_due, updated_at, id);
