-- Up Migration
CREATE TABLE products (
  id            uuid PRIMARY KEY,
  name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  description   text NOT NULL CHECK (char_length(description) <= 5000),
  -- Integer minor units. The upper bound is 1,000,000.000 in a three-digit currency; the domain applies the
  -- exact bound of each currency (1,000,000.00 USD is 100000000 here).
  price_minor   bigint NOT NULL CHECK (price_minor BETWEEN 1 AND 1000000000),
  currency_code text NOT NULL CHECK (currency_code ~ '^[A-Z]{3}$'),
  stock         integer NOT NULL CHECK (stock BETWEEN 0 AND 1000000),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  -- What the Postgres ProductSearch matches and ranks: name words weigh A (1.0), description words B (0.4).
  search        tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', description), 'B')
                ) STORED
);

-- Keyset pagination, newest first.
CREATE INDEX products_created_at_id_idx ON products (created_at DESC, id DESC);

-- Full-text search, prefix queries included.
CREATE INDEX products_search_idx ON products USING GIN (search);

-- Down Migration
DROP TABLE products;
