-- Up Migration
-- The transactional outbox, and each record's history: a row is written in the transaction that changes its
-- aggregate, published to JetStream by the relay after commit, and never deleted.
CREATE TABLE outbox (
  -- Allocation order, NOT commit order: a transaction that began first may commit last. The relay selects by
  -- published_at IS NULL and never by "position > the last one seen", so a late commit is never skipped.
  position          bigserial PRIMARY KEY,
  event_id          uuid NOT NULL UNIQUE,
  event_type        text NOT NULL,
  aggregate_type    text NOT NULL,
  aggregate_id      text NOT NULL,
  aggregate_version bigint NOT NULL CHECK (aggregate_version >= 1),
  occurred_at       timestamptz NOT NULL,
  traceparent       text NOT NULL DEFAULT '',
  tracestate        text NOT NULL DEFAULT '',
  -- The event message (protobuf), so the history can be read without NATS.
  payload           bytea NOT NULL,
  published_at      timestamptz,
  attempts          integer NOT NULL DEFAULT 0,
  last_error        text,
  next_attempt_at   timestamptz NOT NULL DEFAULT now(),
  -- One event per version of an aggregate: of two writers of the same version, the second fails (optimistic
  -- concurrency). Its columns lead with (aggregate_id, aggregate_version), so the same index serves history reads
  -- (one index fewer to maintain on every insert and every mark).
  CONSTRAINT outbox_aggregate_version_key UNIQUE (aggregate_id, aggregate_version, aggregate_type)
);

-- What the relay claims, in position order; small, because published rows leave it.
CREATE INDEX outbox_unpublished_idx ON outbox (position) WHERE published_at IS NULL;

-- Rows waiting for a retry, which hold back the later events of their aggregate: usually none, so the relay's
-- "is an earlier version of this aggregate waiting?" reads a tiny index, however long the history grows.
CREATE INDEX outbox_retrying_idx ON outbox (aggregate_type, aggregate_id, aggregate_version) WHERE published_at IS NULL AND attempts > 0;

-- Down Migration
DROP TABLE outbox;
