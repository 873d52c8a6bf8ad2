-- Keys over time (protocol-spec/keys.md): rotation with an overlap, pinned remote keys (trust on
-- first use), key changes held for the admin, and revocation after compromise.

-- Our keys: a rotated-out key stays published and valid for proofs created before expires_at (the
-- overlap); a compromised one carries the recovery-signed statement that revoked it.
ALTER TABLE org_key ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE org_key ADD COLUMN revocation CLOB;

-- Pinned remote keys: purpose (signing | recovery), the end of a rotation overlap, and a revocation
-- (proofs created at or after revoked_at are refused) with the statement that proved it.
ALTER TABLE remote_key ADD COLUMN purpose VARCHAR(16) DEFAULT 'signing' NOT NULL;
ALTER TABLE remote_key ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE remote_key ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE remote_key ADD COLUMN revocation CLOB;

-- A key an already-pinned actor suddenly showed without proof by a key we know: not pinned, held
-- here for the admin (accept pins it, reject keeps it refused).
CREATE TABLE key_change_flag (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  actor_id     VARCHAR(2048) NOT NULL,
  key_id       VARCHAR(2048) NOT NULL,
  algorithm    VARCHAR(16)   NOT NULL,
  purpose      VARCHAR(16)   NOT NULL,
  public_pem   CLOB          NOT NULL,
  seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  reason       VARCHAR(500)  NOT NULL,
  status       VARCHAR(10)   NOT NULL,   -- pending | accepted | rejected
  resolved_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX key_change_flag_by_status ON key_change_flag(status, id);
CREATE INDEX key_change_flag_by_key ON key_change_flag(key_id);

-- Mirror items signed by a key after its revocation stop counting: kept for the record, never
-- applied again nor served to peers.
ALTER TABLE mirror_item ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
