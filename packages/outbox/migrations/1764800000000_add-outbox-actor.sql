-- Up Migration
-- Who caused each event: the caller's account id, or NULL for the system (work started by events, and every
-- event written before identities existed). History shows it as `actor`.
ALTER TABLE outbox ADD COLUMN actor uuid;

-- Down Migration
ALTER TABLE outbox DROP COLUMN actor;
