-- Up Migration
-- The idempotency keys of createOrder, unique per account, each with the SHA-256 of its request (account, products
-- and quantities) and the order it made, written in the order's transaction. A record counts for 24 hours (older
-- ones are ignored, overwritten by a new use of the key, and deleted by the service's pruning task).
CREATE TABLE order_idempotency_keys (
  account_id  uuid        NOT NULL,
  key         text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 100),
  fingerprint bytea       NOT NULL CHECK (length(fingerprint) = 32),
  -- Deferred: the key is claimed first in the transaction (a concurrent request with the same key waits on it),
  -- the order it names is inserted after.
  order_id    uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (account_id, key)
);

CREATE INDEX order_idempotency_keys_created_idx ON order_idempotency_keys (created_at);

-- Down Migration
DROP TABLE order_idempotency_keys;
