-- Up Migration
-- Roles (API.md's Role). Accounts made before identities existed are customers.
ALTER TABLE accounts ADD COLUMN role text NOT NULL DEFAULT 'CUSTOMER' CHECK (role IN ('CUSTOMER', 'ADMIN'));

-- How an account signs in, kept apart from its profile so no profile read ever selects a hash.
CREATE TABLE account_credentials (
  account_id        uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  -- argon2id in PHC string form; NULL: the account cannot sign in (made by an admin without a password).
  password_hash     text CHECK (password_hash LIKE '$argon2id$%'),
  -- Whole seconds since the epoch: access tokens issued before this are revoked (role or password changed,
  -- refresh token reused). 0: never revoked.
  tokens_not_before bigint NOT NULL DEFAULT 0
);

-- Refresh tokens, stored only as SHA-256 hashes. A family is one sign-in and its rotations; each token works once.
CREATE TABLE refresh_tokens (
  token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  family_id  uuid NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  issued_at  timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  revoked_at timestamptz
);
CREATE INDEX refresh_tokens_account_idx ON refresh_tokens (account_id);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

-- Failed logins per email (lower-cased, trimmed) within the throttling window; older rows are pruned.
CREATE TABLE login_failures (
  email_key text NOT NULL,
  failed_at timestamptz NOT NULL
);
CREATE INDEX login_failures_email_idx ON login_failures (email_key, failed_at);
CREATE INDEX login_failures_failed_at_idx ON login_failures (failed_at);

-- Down Migration
DROP TABLE login_failures;
DROP TABLE refresh_tokens;
DROP TABLE account_credentials;
ALTER TABLE accounts DROP COLUMN role;
