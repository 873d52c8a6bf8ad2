-- PostgreSQL twin of db/migration/V8__log_and_mirror.sql: the same schema in PostgreSQL's dialect
-- (IDENTITY for AUTO_INCREMENT, TEXT for CLOB, BYTEA for BLOB).
-- Resilience: each organization's public content activities form a log numbered 1, 2, 3, … (the
-- number travels inside the signed activity as "sequence"), and nodes keep verified copies of the
-- logs of organizations they follow, to serve to peers when the origin is offline.

ALTER TABLE outbox ADD COLUMN log_seq BIGINT;
CREATE UNIQUE INDEX outbox_log_seq ON outbox(org_id, log_seq);

-- Verified copies of other organizations' log items, exactly as their origin signed them.
CREATE TABLE mirror_item (
  origin_actor  VARCHAR(2048) NOT NULL,
  sequence      BIGINT        NOT NULL,
  activity_id   VARCHAR(2048) NOT NULL,
  document      TEXT          NOT NULL,
  via           VARCHAR(2048),            -- the peer it came through, when not the origin
  received      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (origin_actor, sequence)
);

-- How far each origin's log has been applied here, and when it was last synced, and from where.
CREATE TABLE mirror_state (
  origin_actor  VARCHAR(2048) PRIMARY KEY,
  applied_seq   BIGINT        NOT NULL DEFAULT 0,
  last_synced   TIMESTAMP WITH TIME ZONE,
  last_source   VARCHAR(2048),
  last_error    VARCHAR(500)
);
