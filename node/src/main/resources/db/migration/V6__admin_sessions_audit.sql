-- Admin UI security: browser sessions, one-time invitations for further admins, audit log.

-- A browser session. Only a SHA-256 of the cookie value is stored, so a copied database grants no
-- access. The CSRF token is the synchronizer token the admin UI echoes in X-CSRF-Token.
CREATE TABLE admin_session (
  id_hash     VARCHAR(64)  PRIMARY KEY,
  admin_id    BIGINT       NOT NULL REFERENCES admin_account(id),
  csrf_token  VARCHAR(64)  NOT NULL,
  created     TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX admin_session_by_expiry ON admin_session(expires);

-- One-time links that let a second admin set up an account. Stored hashed; single use.
CREATE TABLE admin_invitation (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  token_hash  VARCHAR(64)  NOT NULL UNIQUE,
  created_by  VARCHAR(100) NOT NULL,
  created     TIMESTAMP WITH TIME ZONE NOT NULL,
  expires     TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at     TIMESTAMP WITH TIME ZONE,
  used_by     VARCHAR(64)
);

-- Every state-changing admin action. No client addresses are kept (privacy of the admins).
-- A row is written before the action runs and completed with its outcome (HTTP status) after,
-- so an action that crashes the node midway still leaves a trace.
CREATE TABLE audit_log (
  id       BIGINT AUTO_INCREMENT PRIMARY KEY,
  at       TIMESTAMP WITH TIME ZONE NOT NULL,
  admin    VARCHAR(100) NOT NULL,
  action   VARCHAR(200) NOT NULL,
  target   VARCHAR(1000),
  detail   VARCHAR(1000),
  outcome  INT
);
CREATE INDEX audit_log_by_time ON audit_log(at);
