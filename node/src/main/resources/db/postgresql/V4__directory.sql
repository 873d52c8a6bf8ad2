-- PostgreSQL twin of db/migration/V4__directory.sql: the same schema in PostgreSQL's dialect
-- (IDENTITY for AUTO_INCREMENT, TEXT for CLOB, BYTEA for BLOB).
-- Directory (org.madani.node.directory): the search index is kept in step with H2 by scanning
-- for rows changed since its last sync, so those scans need indexes on the change timestamps.
CREATE INDEX entry_by_updated ON entry(updated);
CREATE INDEX entry_by_deleted ON entry(deleted_at);
CREATE INDEX remote_object_by_updated ON remote_object(updated);
CREATE INDEX remote_object_by_deleted ON remote_object(deleted_at);
CREATE INDEX remote_actor_by_fetched ON remote_actor(fetched_at);
