-- Up Migration
-- What the inbox pruner deletes by: rows processed before the retention horizon (INBOX_RETENTION_MS), oldest first.
CREATE INDEX inbox_processed_at_idx ON inbox (processed_at);

-- Down Migration
DROP INDEX inbox_processed_at_idx;
