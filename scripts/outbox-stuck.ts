// `pnpm outbox:stuck <catalog|order|account> [--list | --retry <event id> | --retry-all]`: lists the outbox rows the
// service's relay parked (after OUTBOX_MAX_ATTEMPTS failed publishes), with their reason and the later events of
// their aggregate that wait behind them, or gives them back to the relay once the cause is fixed. DATABASE_URL names
// the service's database when it is not the local default; with `pnpm start`'s embedded Postgres, pass its URL
// (port 54329, database shop_<service>), as for `pnpm redrive`.
// The root package depends on neither; like the benches, import them by path.
import { runOutboxStuckCommand } from '../packages/outbox/src/index.js';
import { createPool } from '../packages/postgres/src/index.js';

const services = ['catalog', 'order', 'account'];
const [service, ...args] = process.argv.slice(2);
if (!service || !services.includes(service)) {
  console.error(`usage: pnpm outbox:stuck <${services.join('|')}> [--list | --retry <event id> | --retry-all]`);
  process.exit(2);
}
// Each service's own local default (its config.ts), for a database started by hand on 5432.
const databaseUrl = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/shop_${service}`;
const pool = createPool(databaseUrl, { applicationName: `${service}-outbox-stuck` });
try {
  process.exitCode = await runOutboxStuckCommand(args, { pool, service });
} catch (error) {
  console.error(`outbox:stuck failed: ${(error as Error).message} (database ${databaseUrl.replace(/:[^:@/]*@/, ':***@')})`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
