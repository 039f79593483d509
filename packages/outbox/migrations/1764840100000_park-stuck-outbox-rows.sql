-- Up Migration
-- A row the relay gave up on after its maximum failed attempts (OUTBOX_MAX_ATTEMPTS) is parked: it is no longer
-- claimed, last_error keeps why, and the later events of its aggregate wait behind it (order matters) until an
-- operator retries it (`pnpm outbox:stuck <service> --retry <event id>`), which clears parked_at.
ALTER TABLE outbox ADD COLUMN parked_at timestamptz;

-- What `outbox:stuck` lists and the relay counts: usually empty, so both read a tiny index.
CREATE INDEX outbox_parked_idx ON outbox (position) WHERE parked_at IS NOT NULL;

-- Down Migration
DROP INDEX outbox_parked_idx;
ALTER TABLE outbox DROP COLUMN parked_at;
