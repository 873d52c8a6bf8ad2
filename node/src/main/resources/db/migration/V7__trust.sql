-- Trust (protocol-spec/trust.md): federation mode, trust levels per remote node and per remote
-- organization, endorsements, shared block/allow lists with reviewed changes, moderation reports.
-- "followed" is not stored here: it is derived from the follow table.

-- Node-wide settings of the trust model, one row per name.
CREATE TABLE trust_setting (
  name           VARCHAR(64)  PRIMARY KEY,
  setting_value  VARCHAR(255) NOT NULL
);
-- open: everyone but the blocked; allowlist: only nodes listed as allowed or trusted.
INSERT INTO trust_setting(name, setting_value) VALUES ('federation_mode', 'open');
-- Whether our block/allow lists are published for trusted peers to subscribe to (off: lists can be sensitive).
INSERT INTO trust_setting(name, setting_value) VALUES ('publish_lists', 'false');

-- Levels per remote node. host = lower-case host, plus :port when not the scheme's default
-- (the same key as delivery.host). No row = unknown.
CREATE TABLE trust_node (
  host     VARCHAR(255)  PRIMARY KEY,
  level    VARCHAR(10)   NOT NULL,
  note     VARCHAR(500),
  source   VARCHAR(2048),            -- null: set by an admin; else the subscribed list it came from
  updated  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT trust_node_level CHECK (level IN ('blocked', 'allowed', 'trusted'))
);

-- Levels per remote organization (actor). limited: kept but hidden from the directory.
CREATE TABLE trust_actor (
  actor    VARCHAR(2048) PRIMARY KEY,
  host     VARCHAR(255)  NOT NULL,
  level    VARCHAR(10)   NOT NULL,
  note     VARCHAR(500),
  source   VARCHAR(2048),
  updated  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT trust_actor_level CHECK (level IN ('blocked', 'limited', 'allowed', 'trusted'))
);

-- Where each stored remote object stands under the trust model. The directory joins this (or
-- reads remote_object_listed) instead of re-implementing the rules:
--   refused: its author is blocked or suspended, its node is blocked, or (allowlist mode) its node
--            is not on the list. Never shown anywhere.
--   limited: its author is limited by a moderator. Kept, shown to the admin, not in the directory.
-- The host expression mirrors TrustPolicy.hostOf (lower case, default port dropped).
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

-- Live remote objects the directory may list: not deleted, not refused, not limited.
CREATE VIEW remote_object_listed AS
SELECT o.* FROM remote_object o
WHERE o.deleted_at IS NULL
  AND EXISTS (SELECT 1 FROM remote_object_standing s
              WHERE s.object_id = o.id AND NOT s.refused AND NOT s.limited);

-- Endorsements (madani:Endorse): who vouches for whom, ours and received. withdrawn_at set by Undo.
CREATE TABLE endorsement (
  activity_id   VARCHAR(2048) PRIMARY KEY,
  endorser      VARCHAR(2048) NOT NULL,
  endorsed      VARCHAR(2048) NOT NULL,
  comment       VARCHAR(2000),
  local_org     BIGINT,                   -- set when the endorser is one of our organizations
  created       TIMESTAMP WITH TIME ZONE NOT NULL,
  withdrawn_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX endorsement_by_endorsed ON endorsement(endorsed, withdrawn_at);

-- Subscriptions to trusted peers' published lists.
CREATE TABLE trust_subscription (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  url           VARCHAR(2048) NOT NULL UNIQUE,
  issuer        VARCHAR(2048),             -- the signing actor seen in the last good fetch
  last_fetched  TIMESTAMP WITH TIME ZONE,
  last_error    VARCHAR(500),
  created       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Changes a subscribed list proposes; applied only when an admin approves them.
CREATE TABLE trust_list_change (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  subscription_id  BIGINT        NOT NULL REFERENCES trust_subscription(id) ON DELETE CASCADE,
  subject_type     VARCHAR(8)    NOT NULL,   -- node | actor
  subject          VARCHAR(2048) NOT NULL,
  old_level        VARCHAR(10)   NOT NULL,   -- unknown when there was none
  new_level        VARCHAR(10)   NOT NULL,   -- unknown removes the level
  note             VARCHAR(500),
  state            VARCHAR(10)   NOT NULL DEFAULT 'pending',
  created          TIMESTAMP WITH TIME ZONE NOT NULL,
  decided          TIMESTAMP WITH TIME ZONE,
  CONSTRAINT trust_list_change_state CHECK (state IN ('pending', 'applied', 'rejected', 'superseded'))
);
CREATE INDEX trust_list_change_pending ON trust_list_change(subscription_id, state);

-- Reports (Flag), received from other nodes and sent by us.
CREATE TABLE moderation_report (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  direction    VARCHAR(8)    NOT NULL,   -- received | sent
  activity_id  VARCHAR(2048) NOT NULL UNIQUE,
  reporter     VARCHAR(2048) NOT NULL,   -- the actor who sent the Flag (ours when sent)
  targets      CLOB          NOT NULL,   -- JSON array of reported actor and object ids
  comment      VARCHAR(5000),
  state        VARCHAR(10)   NOT NULL DEFAULT 'open',
  created      TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved     TIMESTAMP WITH TIME ZONE,
  resolution   VARCHAR(500),
  CONSTRAINT moderation_report_direction CHECK (direction IN ('received', 'sent')),
  CONSTRAINT moderation_report_state CHECK (state IN ('open', 'resolved'))
);
CREATE INDEX moderation_report_queue ON moderation_report(direction, state, id);
