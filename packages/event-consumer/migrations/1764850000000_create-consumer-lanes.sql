-- Up Migration
-- The owners of the batch lanes (one row per lane, that is per durable consumer). `clean` says the last owner gave
-- every message it held back to the stream before it let the lane go; a new owner that finds it false waits out
-- the ack wait first, so that a dead owner's messages come back before the ones behind them.
CREATE TABLE consumer_lanes (
  lane text PRIMARY KEY,
  owner uuid NOT NULL,
  clean boolean NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE consumer_lanes;
