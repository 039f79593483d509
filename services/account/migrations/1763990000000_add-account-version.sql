-- Up Migration
-- The version of the account's last event in the outbox (0 for accounts created before events existed).
ALTER TABLE accounts ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE accounts DROP COLUMN version;
