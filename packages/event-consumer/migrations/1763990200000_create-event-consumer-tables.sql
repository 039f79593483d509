-- Up Migration

-- One row per event a consumer has handled, written in the same transaction as the handler's effects:
-- a redelivered or republished event finds its row and is acknowledged without running the handler again.
CREATE TABLE inbox (
  consumer          text        NOT NULL,
  event_id          uuid        NOT NULL,
  aggregate_type    text        NOT NULL,
  aggregate_id      text        NOT NULL,
  aggregate_version bigint      NOT NULL,
  event_type        text        NOT NULL,
  processed_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);

-- Events a consumer gave up on after its maximum attempts (or could not decode), kept byte for byte so they can
-- be redriven once the cause is fixed. The stream has moved on past them.
CREATE TABLE dead_letters (
  consumer    text        NOT NULL,
  event_id    uuid        NOT NULL,
  -- NULL when the message was not an event envelope at all.
  event_type  text,
  subject     text        NOT NULL,
  -- The message as it arrived on NATS (normally an encoded shop.events.v1.EventEnvelope).
  envelope    bytea       NOT NULL,
  attempts    integer     NOT NULL,
  last_error  text        NOT NULL,
  dead_at     timestamptz NOT NULL DEFAULT now(),
  redriven_at timestamptz,
  PRIMARY KEY (consumer, event_id)
);

-- What an operator (and the redrive) asks for: the letters of a consumer still waiting, oldest first.
CREATE INDEX dead_letters_waiting_idx ON dead_letters (consumer, dead_at) WHERE redriven_at IS NULL;

-- Down Migration
DROP TABLE dead_letters;
DROP TABLE inbox;
