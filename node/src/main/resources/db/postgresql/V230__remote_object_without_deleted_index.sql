-- PostgreSQL twin of db/migration/V230__remote_object_without_deleted_index.sql: the index no
-- query uses goes here too (see there).
DROP INDEX remote_object_by_deleted;
