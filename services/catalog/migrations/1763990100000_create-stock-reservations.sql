-- Up Migration
-- The stock held for each order: one row per order, written by the stock saga in the same transaction as the
-- stock change and its events, so a redelivered order event finds its reservation and does nothing twice.
CREATE TABLE stock_reservations (
  order_id   uuid PRIMARY KEY,
  status     text NOT NULL CHECK (status IN ('RESERVED', 'REJECTED', 'RELEASED')),
  lines      jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Down Migration
DROP TABLE stock_reservations;
