-- Foundation schema: hosted organizations, their keys, entries, admins and API tokens.
-- JSON documents are stored as text exactly as validated; columns beside them exist only
-- for filtering and ordering.

CREATE TABLE organization (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  handle      VARCHAR(32)  NOT NULL UNIQUE,
  profile     CLOB         NOT NULL,
  version     INT          NOT NULL DEFAULT 1,
  created     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Public halves live here; private halves live in owner-only files under <data>/keys.
CREATE TABLE org_key (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  org_id       BIGINT       NOT NULL REFERENCES organization(id),
  fragment     VARCHAR(64)  NOT NULL,
  algorithm    VARCHAR(16)  NOT NULL,   -- ed25519 | rsa
  purpose      VARCHAR(16)  NOT NULL,   -- signing | recovery
  public_pem   CLOB         NOT NULL,
  private_file VARCHAR(1024),           -- null when the private half is kept offline
  created      TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at   TIMESTAMP WITH TIME ZONE,
  CONSTRAINT org_key_fragment UNIQUE (org_id, fragment)
);

CREATE TABLE entry (
  id          VARCHAR(64)  PRIMARY KEY,
  org_id      BIGINT       NOT NULL REFERENCES organization(id),
  kind        VARCHAR(16)  NOT NULL,
  visibility  VARCHAR(16)  NOT NULL,
  document    CLOB         NOT NULL,
  version     INT          NOT NULL,
  start_time  TIMESTAMP WITH TIME ZONE,
  created     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated     TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX entry_by_org ON entry(org_id, deleted_at, updated);
CREATE INDEX entry_by_kind ON entry(org_id, kind, start_time);

CREATE TABLE admin_account (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  username       VARCHAR(64)  NOT NULL UNIQUE,
  password_hash  VARCHAR(255) NOT NULL,
  created        TIMESTAMP WITH TIME ZONE NOT NULL,
  last_login     TIMESTAMP WITH TIME ZONE
);

-- Only a SHA-256 of each token is kept: a copied database grants no access.
CREATE TABLE api_token (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  token_hash  VARCHAR(64)  NOT NULL UNIQUE,
  label       VARCHAR(100) NOT NULL,
  created     TIMESTAMP WITH TIME ZONE NOT NULL,
  expires     TIMESTAMP WITH TIME ZONE,
  revoked_at  TIMESTAMP WITH TIME ZONE
);

-- Taxonomy terms an entry is tagged with (sector, region), for filtering without parsing JSON.
CREATE TABLE entry_facet (
  entry_id  VARCHAR(64) NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
  facet     VARCHAR(16) NOT NULL,
  term      VARCHAR(64) NOT NULL,
  PRIMARY KEY (entry_id, facet, term)
);
CREATE INDEX entry_facet_by_term ON entry_facet(facet, term);
