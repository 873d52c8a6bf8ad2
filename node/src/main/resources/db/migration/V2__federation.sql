-- Federation: remote actors and their keys, follows, the outbox log, the inbox, received objects.

-- Actors of other nodes, as last fetched from their origin through the guarded fetcher.
CREATE TABLE remote_actor (
  id            VARCHAR(2048) PRIMARY KEY,
  host          VARCHAR(255)  NOT NULL,
  type          VARCHAR(32)   NOT NULL,
  inbox         VARCHAR(2048) NOT NULL,
  shared_inbox  VARCHAR(2048),
  handle        VARCHAR(255),
  document      CLOB          NOT NULL,
  fetched_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Public keys published by remote actors (RSA publicKey and Ed25519 Multikeys).
CREATE TABLE remote_key (
  key_id      VARCHAR(2048) PRIMARY KEY,
  actor_id    VARCHAR(2048) NOT NULL,
  algorithm   VARCHAR(16)   NOT NULL,     -- rsa | ed25519
  public_pem  CLOB          NOT NULL,
  first_seen  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX remote_key_by_actor ON remote_key(actor_id);

-- Follow relationships of hosted organizations, both directions.
CREATE TABLE follow (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  org_id        BIGINT        NOT NULL REFERENCES organization(id),
  remote_actor  VARCHAR(2048) NOT NULL,
  direction     VARCHAR(10)   NOT NULL,   -- outgoing: we follow them; incoming: they follow us
  state         VARCHAR(10)   NOT NULL,   -- pending | accepted | rejected
  activity_id   VARCHAR(2048) NOT NULL,   -- the Follow activity's id
  created       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT follow_unique UNIQUE (org_id, remote_actor, direction)
);

-- Each organization's outbox: an append-only log numbered per organization.
CREATE TABLE outbox (
  org_id       BIGINT        NOT NULL REFERENCES organization(id),
  seq          BIGINT        NOT NULL,
  activity_id  VARCHAR(2048) NOT NULL UNIQUE,
  type         VARCHAR(32)   NOT NULL,
  object_id    VARCHAR(2048),
  audience     VARCHAR(10)   NOT NULL,   -- public | network | private
  document     CLOB          NOT NULL,   -- exactly the bytes delivered
  published    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, seq)
);

-- Incoming activities, stored before the 202 and handled afterwards; ids are unique (dedupe).
CREATE TABLE inbox (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  activity_id  VARCHAR(2048) NOT NULL UNIQUE,
  actor        VARCHAR(2048) NOT NULL,
  type         VARCHAR(32)   NOT NULL,
  document     CLOB          NOT NULL,
  verified_by  VARCHAR(64)   NOT NULL,   -- e.g. rfc9421/ed25519, cavage/rsa-sha256
  received     TIMESTAMP WITH TIME ZONE NOT NULL,
  state        VARCHAR(10)   NOT NULL,   -- pending | done | failed
  attempts     INT           NOT NULL DEFAULT 0,
  error        VARCHAR(500)
);
CREATE INDEX inbox_pending ON inbox(state, id);

-- Signatures already accepted, so that a captured request cannot be replayed within the window.
CREATE TABLE seen_signature (
  digest   VARCHAR(64) PRIMARY KEY,
  expires  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Objects received from other organizations: the raw material of the shared directory.
CREATE TABLE remote_object (
  id           VARCHAR(2048) PRIMARY KEY,
  actor        VARCHAR(2048) NOT NULL,
  type         VARCHAR(32)   NOT NULL,
  audience     VARCHAR(10)   NOT NULL,   -- public | network | private
  document     CLOB          NOT NULL,
  verified_by  VARCHAR(64)   NOT NULL,
  via          VARCHAR(2048),            -- the peer that relayed it, when not its origin
  received     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated      TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX remote_object_by_actor ON remote_object(actor, deleted_at);

-- Which hosted organizations a non-public remote object was addressed to.
CREATE TABLE remote_object_recipient (
  object_id  VARCHAR(2048) NOT NULL REFERENCES remote_object(id) ON DELETE CASCADE,
  org_id     BIGINT        NOT NULL REFERENCES organization(id),
  PRIMARY KEY (object_id, org_id)
);

-- Likes are accepted and counted, nothing more.
CREATE TABLE remote_like (
  activity_id  VARCHAR(2048) PRIMARY KEY,
  actor        VARCHAR(2048) NOT NULL,
  object_id    VARCHAR(2048) NOT NULL
);
CREATE INDEX remote_like_by_object ON remote_like(object_id);

-- Per-organization federation settings.
CREATE TABLE federation_settings (
  org_id              BIGINT  PRIMARY KEY REFERENCES organization(id),
  auto_approve        BOOLEAN NOT NULL DEFAULT TRUE,
  require_signed_get  BOOLEAN NOT NULL DEFAULT FALSE
);
