-- Hub scale (issue 10): documents in VARCHAR instead of CLOB, and the directory's change sequence.

-- 1. H2 keeps every CLOB/BLOB value a pooled session has read in that session's temporary-LOB list
-- until its LOB timeout (minutes): a loop reading JSON documents from CLOB columns grew the heap to
-- 11 million ValueClob (~2 GiB) after one burst (shared/MEASURED.md, "Traps"). VARCHAR values are
-- plain strings and leave nothing behind. H2's VARCHAR holds up to 1,000,000 characters; every
-- document here is far smaller (an inbox body is refused above 256 KiB). Existing data is converted
-- in place; a value too long for VARCHAR would fail this migration rather than be cut.
ALTER TABLE organization ALTER COLUMN profile SET DATA TYPE VARCHAR(1000000);
ALTER TABLE org_key ALTER COLUMN public_pem SET DATA TYPE VARCHAR(1000000);
ALTER TABLE org_key ALTER COLUMN revocation SET DATA TYPE VARCHAR(1000000);
ALTER TABLE entry ALTER COLUMN document SET DATA TYPE VARCHAR(1000000);
ALTER TABLE remote_actor ALTER COLUMN document SET DATA TYPE VARCHAR(1000000);
ALTER TABLE remote_key ALTER COLUMN public_pem SET DATA TYPE VARCHAR(1000000);
ALTER TABLE remote_key ALTER COLUMN revocation SET DATA TYPE VARCHAR(1000000);
ALTER TABLE outbox ALTER COLUMN document SET DATA TYPE VARCHAR(1000000);
ALTER TABLE inbox ALTER COLUMN document SET DATA TYPE VARCHAR(1000000);
-- remote_object: H2 cannot retype it in place while the V7 views read it, so they are dropped and
-- created again exactly as V7 defined them.
DROP VIEW remote_object_listed;
DROP VIEW remote_object_standing;
ALTER TABLE remote_object ALTER COLUMN document SET DATA TYPE VARCHAR(1000000);
CREATE VIEW remote_object_standing AS
SELECT s.object_id, s.actor, s.host,
  (EXISTS (SELECT 1 FROM trust_actor a WHERE a.actor = s.actor AND a.level = 'blocked')
   OR EXISTS (SELECT 1 FROM trust_node n WHERE n.host = s.host AND n.level = 'blocked')
   OR (EXISTS (SELECT 1 FROM trust_setting m WHERE m.name = 'federation_mode' AND m.setting_value = 'allowlist')
       AND NOT EXISTS (SELECT 1 FROM trust_node n WHERE n.host = s.host AND n.level IN ('allowed', 'trusted'))))
    AS refused,
  EXISTS (SELECT 1 FROM trust_actor a WHERE a.actor = s.actor AND a.level = 'limited') AS limited
FROM (SELECT o.id AS object_id, o.actor,
        REGEXP_REPLACE(LOWER(o.actor),
          '^(?:https://(?:[^/?#@]*@)?([^/?#]*?)(?::443)?|http://(?:[^/?#@]*@)?([^/?#]*?)(?::80)?)(?:[/?#].*)?$',
          '$1$2') AS host
      FROM remote_object o) s;
CREATE VIEW remote_object_listed AS
SELECT o.* FROM remote_object o
WHERE o.deleted_at IS NULL
  AND EXISTS (SELECT 1 FROM remote_object_standing s
              WHERE s.object_id = o.id AND NOT s.refused AND NOT s.limited);
ALTER TABLE moderation_report ALTER COLUMN targets SET DATA TYPE VARCHAR(1000000);
ALTER TABLE mirror_item ALTER COLUMN document SET DATA TYPE VARCHAR(1000000);
ALTER TABLE key_change_flag ALTER COLUMN public_pem SET DATA TYPE VARCHAR(1000000);
ALTER TABLE delivery ALTER COLUMN body SET DATA TYPE VARBINARY(1000000);

-- 2. Every change the directory index must see, numbered in commit order of statements: written
-- by triggers in the same transaction as the row change, so no write path (inbox, admin API,
-- offline CLI, catch-up, trust lists) can forget it. The indexer reads it from its last applied
-- number through the primary key, in batches, and deletes what its index has committed.
--   kind l: own entry (ref = entry id)          o: hosted organization (ref = org id)
--        r: received object (ref = object id)   a: remote actor, re-fetched or its trust level (ref = actor id)
--        h: trust level of a node (ref = host)  *: federation mode (everything's standing may change)
CREATE TABLE directory_change (
  seq   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind  CHAR(1)       NOT NULL,
  ref   VARCHAR(2048)
);

CREATE TRIGGER entry_change AFTER INSERT, UPDATE, DELETE ON entry
  FOR EACH ROW CALL 'org.madani.node.store.DirectoryChangeTrigger';
CREATE TRIGGER organization_change AFTER UPDATE ON organization
  FOR EACH ROW CALL 'org.madani.node.store.DirectoryChangeTrigger';
CREATE TRIGGER remote_object_change AFTER INSERT, UPDATE, DELETE ON remote_object
  FOR EACH ROW CALL 'org.madani.node.store.DirectoryChangeTrigger';
CREATE TRIGGER remote_object_recipient_change AFTER INSERT, UPDATE, DELETE ON remote_object_recipient
  FOR EACH ROW CALL 'org.madani.node.store.DirectoryChangeTrigger';
CREATE TRIGGER remote_actor_change AFTER INSERT, UPDATE, DELETE ON remote_actor
  FOR EACH ROW CALL 'org.madani.node.store.DirectoryChangeTrigger';
CREATE TRIGGER trust_actor_change AFTER INSERT, UPDATE, DELETE ON trust_actor
  FOR EACH ROW CALL 'org.madani.node.store.DirectoryChangeTrigger';
CREATE TRIGGER trust_node_change AFTER INSERT, UPDATE, DELETE ON trust_node
  FOR EACH ROW CALL 'org.madani.node.store.DirectoryChangeTrigger';
CREATE TRIGGER trust_setting_change AFTER INSERT, UPDATE, DELETE ON trust_setting
  FOR EACH ROW CALL 'org.madani.node.store.DirectoryChangeTrigger';

-- 3. The replay guard's purge (once a minute) finds expired signatures through an index instead
-- of reading every signature seen within the last hour (tens of thousands on a hub).
CREATE INDEX seen_signature_by_expiry ON seen_signature(expires);
