-- Delivery order where it matters (issue 13): an Update or Delete of an object must never reach an
-- inbox before the Create of that object, even with many requests in flight per host. object_id
-- is the id of the activity's object (null when the order does not matter, e.g. Accept); a job
-- waits while an earlier job (lower id) for the same object and inbox is still pending.
ALTER TABLE delivery ADD COLUMN object_id VARCHAR(1024);
CREATE INDEX delivery_object_order ON delivery(object_id, inbox, state, id);
