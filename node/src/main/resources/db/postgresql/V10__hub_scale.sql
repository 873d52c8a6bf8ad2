-- PostgreSQL twin of db/migration/V10__hub_scale.sql.
-- 1. Documents are TEXT/BYTEA here from V1 on: PostgreSQL has no CLOB and keeps nothing behind per
--    session, so H2's retyping to VARCHAR (and the view drop around it) has no counterpart.

-- 2. Every change the directory index must see, numbered: written by triggers in the same
-- transaction as the row change (H2: org.madani.node.store.DirectoryChangeTrigger; here PL/pgSQL
-- doing the same), so no write path can forget it. Kinds as in the H2 file:
--   l own entry, o hosted organization, r received object, a remote actor or its trust level,
--   h trust level of a node, * federation mode.
-- With several node processes on one database, each keeps its own index and reads this sequence
-- from its own last applied number. Numbers are taken at insert time, not commit time: the indexer
-- copes with a gap (a later number committed first) as it does on H2 (see DirectoryIndexer).
CREATE TABLE directory_change (
  seq   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind  CHAR(1)       NOT NULL,
  ref   VARCHAR(2048)
);

CREATE FUNCTION madani_directory_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r RECORD := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  k CHAR(1);
  ref TEXT;
BEGIN
  -- (PL/pgSQL resolves OLD.x/NEW.x when an expression runs, so each table's columns are read only
  -- in that table's branch.)
  IF TG_OP = 'UPDATE' THEN
    -- Same profile, same actor document, same setting: nothing the directory shows changed.
    IF TG_TABLE_NAME = 'organization' THEN
      IF OLD.id = NEW.id AND OLD.profile IS NOT DISTINCT FROM NEW.profile THEN RETURN NULL; END IF;
    ELSIF TG_TABLE_NAME = 'remote_actor' THEN
      IF OLD.id = NEW.id AND OLD.document IS NOT DISTINCT FROM NEW.document THEN RETURN NULL; END IF;
    ELSIF TG_TABLE_NAME = 'trust_setting' THEN
      IF OLD.name = NEW.name AND OLD.setting_value IS NOT DISTINCT FROM NEW.setting_value THEN RETURN NULL; END IF;
    END IF;
  END IF;
  CASE TG_TABLE_NAME
    WHEN 'entry' THEN k := 'l'; ref := r.id;
    WHEN 'organization' THEN k := 'o'; ref := r.id::TEXT;
    WHEN 'remote_object' THEN k := 'r'; ref := r.id;
    WHEN 'remote_object_recipient' THEN k := 'r'; ref := r.object_id;
    WHEN 'remote_actor' THEN k := 'a'; ref := r.id;
    WHEN 'trust_actor' THEN k := 'a'; ref := r.actor;
    WHEN 'trust_node' THEN k := 'h'; ref := r.host;
    WHEN 'trust_setting' THEN
      IF r.name <> 'federation_mode' THEN RETURN NULL; END IF;
      k := '*'; ref := NULL;
  END CASE;
  INSERT INTO directory_change(kind, ref) VALUES (k, ref);
  IF TG_TABLE_NAME = 'remote_object' AND TG_OP = 'UPDATE' THEN
    IF OLD.id <> NEW.id THEN
      INSERT INTO directory_change(kind, ref) VALUES ('r', OLD.id);
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER entry_change AFTER INSERT OR UPDATE OR DELETE ON entry
  FOR EACH ROW EXECUTE FUNCTION madani_directory_change();
CREATE TRIGGER organization_change AFTER UPDATE ON organization
  FOR EACH ROW EXECUTE FUNCTION madani_directory_change();
CREATE TRIGGER remote_object_change AFTER INSERT OR UPDATE OR DELETE ON remote_object
  FOR EACH ROW EXECUTE FUNCTION madani_directory_change();
CREATE TRIGGER remote_object_recipient_change AFTER INSERT OR UPDATE OR DELETE ON remote_object_recipient
  FOR EACH ROW EXECUTE FUNCTION madani_directory_change();
CREATE TRIGGER remote_actor_change AFTER INSERT OR UPDATE OR DELETE ON remote_actor
  FOR EACH ROW EXECUTE FUNCTION madani_directory_change();
CREATE TRIGGER trust_actor_change AFTER INSERT OR UPDATE OR DELETE ON trust_actor
  FOR EACH ROW EXECUTE FUNCTION madani_directory_change();
CREATE TRIGGER trust_node_change AFTER INSERT OR UPDATE OR DELETE ON trust_node
  FOR EACH ROW EXECUTE FUNCTION madani_directory_change();
CREATE TRIGGER trust_setting_change AFTER INSERT OR UPDATE OR DELETE ON trust_setting
  FOR EACH ROW EXECUTE FUNCTION madani_directory_change();

-- 3. The replay guard's purge finds expired signatures through an index.
CREATE INDEX seen_signature_by_expiry ON seen_signature(expires);
