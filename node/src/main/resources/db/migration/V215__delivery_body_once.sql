-- Fan-out (issue 13): an activity's body is stored once, not once per recipient. Each delivery row
-- carried its 2-3 KB body inline, so the lease and the outcome of every job rewrote the whole row
-- and, on commit, the pages holding it: a JFR of DeliveryBenchmark put H2's page writes at commit
-- and the per-row updates at about a third of all CPU. A job now names its body by SHA-256; the
-- 100 jobs of an activity sent to 100 hosts share one body row, and a job row is a few hundred
-- bytes.
CREATE TABLE delivery_body (
  hash      VARBINARY(32)       PRIMARY KEY,  -- SHA-256 of body
  body      VARBINARY(1000000)  NOT NULL,     -- signed and sent byte for byte
  last_used TIMESTAMP WITH TIME ZONE NOT NULL -- a body unreferenced and unused this long is purged
);
ALTER TABLE delivery ADD COLUMN body_hash VARBINARY(32);
UPDATE delivery SET body_hash = HASH('SHA-256', body);
INSERT INTO delivery_body(hash, body, last_used) SELECT DISTINCT body_hash, body, CURRENT_TIMESTAMP FROM delivery;
ALTER TABLE delivery ALTER COLUMN body_hash SET NOT NULL;
ALTER TABLE delivery DROP COLUMN body;
-- The purge of bodies no job refers to any more.
CREATE INDEX delivery_by_body ON delivery(body_hash);
