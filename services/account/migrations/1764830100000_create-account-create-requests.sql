-- Up Migration
-- createAccount calls by their request_id (set once per logical call by the client, kept across its retries), each
-- with the SHA-256 of its request (name, email, role, whether a password was given) and the account it made, written
-- in the account's transaction. A record counts for 24 hours: a retry after a lost answer gets the account it made
-- instead of ALREADY_EXISTS on its own email. Older records are ignored and deleted by the service's pruning task;
-- a deleted account takes its record with it.
CREATE TABLE account_create_requests (
  request_id  text        PRIMARY KEY CHECK (char_length(request_id) BETWEEN 1 AND 100),
  fingerprint bytea       NOT NULL CHECK (length(fingerprint) = 32),
  -- Deferred: the request is claimed first in the transaction (a concurrent retry waits on it, not on the email).
  account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  created_at  timestamptz NOT NULL
);

CREATE INDEX account_create_requests_created_idx ON account_create_requests (created_at);
CREATE INDEX account_create_requests_account_idx ON account_create_requests (account_id);

-- Down Migration
DROP TABLE account_create_requests;
