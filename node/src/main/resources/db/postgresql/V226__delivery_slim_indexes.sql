-- PostgreSQL twin of db/migration/V226__delivery_slim_indexes.sql: the same schema in PostgreSQL's dialect.
-- Fan-out (issue 13): an outcome rewrites fewer index entries. Recording a delivery changes the
-- job's state; every index holding state moves the job's entry (a delete and an insert, each a
-- copy of its B-tree path in H2's MVStore). delivery_by_host (host, state) put the jobs of one
-- group commit, one per host, on as many different leaves; in a JFR of DeliveryBenchmark the
-- index updates and the page writes at commit were most of the database's time per delivery.
-- Without state, neither index changes when an outcome is recorded:
-- * delivery_by_host serves the rare per-host statements (a breaker opening moves the host's
--   pending jobs; the give-up sweep); they now read the host's delivered rows too (kept 30 days).
-- * delivery_object_order still finds the earlier jobs about the same object to the same inbox
--   (id < this job's); whether one is pending is read from its row (there are one or two).
DROP INDEX delivery_by_host;
CREATE INDEX delivery_by_host ON delivery(host);
DROP INDEX delivery_object_order;
CREATE INDEX delivery_object_order ON delivery(object_id, inbox, id);
