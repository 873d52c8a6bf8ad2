-- PostgreSQL twin of db/migration/V131__inbox_lease.sql: inbox leases for several node processes.
ALTER TABLE inbox ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
-- The claim keeps one actor's activities in order across processes: it skips an activity while an
-- earlier one of the same actor is leased by another process. That check reads this index.
CREATE INDEX inbox_actor_pending ON inbox(actor, state, id);
