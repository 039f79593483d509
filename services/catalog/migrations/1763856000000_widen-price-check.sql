-- Up Migration
-- The first bound assumed at most three minor digits; CLF has four, so 1,000,000.0000 CLF is 10^10 minor units.
-- The domain still applies the exact bound of each currency.
ALTER TABLE products DROP CONSTRAINT products_price_minor_check;
ALTER TABLE products ADD CONSTRAINT products_price_minor_check CHECK (price_minor BETWEEN 1 AND 10000000000);

-- Down Migration
ALTER TABLE products DROP CONSTRAINT products_price_minor_check;
ALTER TABLE products ADD CONSTRAINT products_price_minor_check CHECK (price_minor BETWEEN 1 AND 1000000000);
