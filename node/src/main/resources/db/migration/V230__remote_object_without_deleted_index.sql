-- Hub scale (issue 10): every received object wrote one more B-tree entry than any query uses.
-- remote_object_by_deleted (V4) served the directory's scans for changed rows by timestamp, which
-- V10's directory_change replaced. What is left asks "deleted_at IS NULL", true of nearly every
-- row, so the index can only mislead the planner (DirectoryRepository.ownAll measured that on
-- entry's twin index); a lookup by actor has remote_object_by_actor (actor, deleted_at).
-- Each Create(Article) applied at a hub inserts into remote_object: one index fewer to copy a path
-- of in H2's MVStore, on the table written most.
DROP INDEX remote_object_by_deleted;
