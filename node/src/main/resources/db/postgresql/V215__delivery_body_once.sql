-- PostgreSQL twin of db/migration/V215__delivery_body_once.sql: an activity's body is stored once,
-- not once per recipient; a job names its body by SHA-256 (BYTEA for VARBINARY).
CREATE TABLE delivery_body (
  hash      BYTEA  PRIMARY KEY,  -- SHA-256 of body
  body      BYTEA  NOT NULL,     -- signed and sent byte for byte
  last_used TIMESTAMP WITH TIME ZONE NOT NULL -- a body unreferenced and unused this long is purged
);
ALTER TABLE delivery ADD COLUMN body_hash BYTEA;
UPDATE delivery SET body_hash = sha256(body);
INSERT INTO delivery_body(hash, body, last_used) SELECT DISTINCT body_hash, body, CURRENT_TIMESTAMP FROM delivery;
ALTER TABLE delivery ALTER COLUMN body_hash SET NOT NULL;
ALTER TABLE delivery DROP COLUMN body;
-- The purge of bodies no job refers to any more.
CREATE INDEX delivery_by_body ON delivery(body_hash);
