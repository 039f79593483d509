-- Up Migration
-- CANCELLED: the order was cancelled before the catalog reserved anything for it (its OrderCreated was dead-lettered,
-- and OrderCancelled came first). The row remembers it, so an OrderCreated redriven later reserves nothing. Its lines
-- are empty: nothing was ever held.
ALTER TABLE stock_reservations DROP CONSTRAINT stock_reservations_status_check;
ALTER TABLE stock_reservations ADD CONSTRAINT stock_reservations_status_check CHECK (status IN ('RESERVED', 'REJECTED', 'RELEASED', 'CANCELLED'));

-- Down Migration
DELETE FROM stock_reservations WHERE status = 'CANCELLED';
ALTER TABLE stock_reservations DROP CONSTRAINT stock_reservations_status_check;
ALTER TABLE stock_reservations ADD CONSTRAINT stock_reservations_status_check CHECK (status IN ('RESERVED', 'REJECTED', 'RELEASED'));
