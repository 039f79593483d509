import { runRedriveCommand } from '@shop/event-consumer';
import { createPool } from '@shop/postgres';
import { readCatalogConfig } from './config.js';
import { catalogEventsWire, reservationEventsWire } from './events/catalog-events-wire.js';
import { ORDER_EVENTS_CONSUMER, orderEventsHandler } from './events/order-events-consumer.js';
import { StockReservationPgStore } from './repository/stock-reservation-pg-store.js';

// `pnpm redrive catalog [--list | --event <id>]`: runs the stock saga's handler again for its dead letters.
const config = readCatalogConfig();
const pool = createPool(config.DATABASE_URL, { applicationName: 'catalog-redrive' });
const handler = orderEventsHandler(new StockReservationPgStore(catalogEventsWire, reservationEventsWire));
try {
  process.exitCode = await runRedriveCommand(process.argv.slice(2), { pool, consumer: ORDER_EVENTS_CONSUMER, handler });
} catch (error) {
  console.error(`redrive failed: ${(error as Error).message} (DATABASE_URL=${config.DATABASE_URL})`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
