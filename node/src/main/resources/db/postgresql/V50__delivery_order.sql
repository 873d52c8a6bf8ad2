-- PostgreSQL twin of db/migration/V50__delivery_order.sql: the same schema in PostgreSQL's dialect
-- (IDENTITY for AUTO_INCREMENT, TEXT for CLOB, BYTEA for BLOB).
-- Delivery order where it matters (issue 13): an Update or Delete of an object must never reach an
-- inbox before the Create of that object, even with many requests in flight per host. object_id
-- is the id of the activity's object (null when the order does not matter, e.g. Accept); a job
-- waits while an earlier job (lower id) for the same object and inbox is still pending.
ALTER TABLE delivery ADD COLUMN object_id VARCHAR(1024);
CREATE INDEX delivery_object_order ON delivery(object_id, inbox, state, id);

-- The worker's claim reads due jobs in (next_attempt, id) order and stops after a few hundred:
-- with the id in the index that order comes from the index, never from sorting every due job.
-- It replaces V3's delivery_due (state, next_attempt), which H2 preferred and then sorted every
-- due job to honour the id.
CREATE INDEX delivery_due_order ON delivery(state, next_attempt, id);
DROP INDEX delivery_due;
