-- Up Migration
CREATE TABLE orders (
  id         uuid PRIMARY KEY,
  account_id uuid NOT NULL,
  status     text NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- One account's orders, newest first (keyset pagination).
CREATE INDEX orders_account_created_idx ON orders (account_id, created_at DESC, id DESC);

-- The lines, with the product's name and price as they were when the order was placed.
CREATE TABLE order_items (
  order_id         uuid    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position         integer NOT NULL CHECK (position BETWEEN 0 AND 99),
  product_id       uuid    NOT NULL,
  product_name     text    NOT NULL,
  unit_price_minor bigint  NOT NULL CHECK (unit_price_minor > 0),
  currency_code    text    NOT NULL CHECK (currency_code ~ '^[A-Z]{3}$'),
  quantity         integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
  PRIMARY KEY (order_id, position),
  UNIQUE (order_id, product_id)
);

CREATE INDEX order_items_product_idx ON order_items (product_id);

-- Down Migration
DROP TABLE order_items;
DROP TABLE orders;
