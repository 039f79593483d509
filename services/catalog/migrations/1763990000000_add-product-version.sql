-- Up Migration
-- The version of the product's last event in the outbox (0 for products created before events existed).
ALTER TABLE products ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE products DROP COLUMN version;
