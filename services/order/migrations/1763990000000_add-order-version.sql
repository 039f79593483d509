-- Up Migration
-- The version of the order's last event in the outbox (0 for orders placed before events existed).
ALTER TABLE orders ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE orders DROP COLUMN version;
