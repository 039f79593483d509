import { runRedriveCommand } from '@shop/event-consumer';
import { createPool } from '@shop/postgres';
import { readOrderConfig } from './config.js';
import { orderEventsWire } from './events/order-events-wire.js';
import { STOCK_OUTCOME_CONSUMER, stockOutcomeHandler } from './events/stock-outcome-consumer.js';
import { OrderPgRepository } from './repository/order-pg-repository.js';

// `pnpm redrive order [--list | --event <id>]`: runs the stock saga's handler again for its dead letters.
const config = readOrderConfig();
const pool = createPool(config.DATABASE_URL, { applicationName: 'order-redrive' });
const handler = stockOutcomeHandler(new OrderPgRepository(pool, orderEventsWire));
try {
  process.exitCode = await runRedriveCommand(process.argv.slice(2), { pool, consumer: STOCK_OUTCOME_CONSUMER, handler });
} catch (error) {
  console.error(`redrive failed: ${(error as Error).message} (DATABASE_URL=${config.DATABASE_URL})`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
