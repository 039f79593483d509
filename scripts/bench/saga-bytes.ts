// `pnpm bench:saga-bytes`: the bytes one createOrder leaves behind once its saga has run (the order confirmed):
// outbox rows and inbox rows in each service's database, and messages in each JetStream stream. The three services
// run in this process with events, on databases made for the run and a nats-server of its own; orders of 1 and of
// 5 lines are placed through the order client. Figures are printed, not asserted (BENCH_ORDERS orders per size).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { buildAccountApp } from '@shop/account/app';
import { AccountClient } from '@shop/account/client';
import { buildCatalogApp } from '@shop/catalog/app';
import { CatalogClient, type ProductView } from '@shop/catalog/client';
import { createLogger } from '@shop/logger';
import { connectNats, startLocalNats, streamUsage as usageOf } from '@shop/nats';
import { buildOrderApp } from '@shop/order/app';
import { OrderClient } from '@shop/order/client';
import pg from 'pg';
import { generateSigningKeyText, readSigningKey, TokenIssuer } from '@shop/identity';
import { openBenchDatabases } from './bench-databases.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100);
const logger = createLogger('bench', 'silent');
const grace = { SHUTDOWN_GRACE_MS: 1_000 };

/** What one table or stream holds: rows (or messages) and bytes. */
interface Usage {
  rows: number;
  bytes: number;
}

const natsStore = mkdtempSync(join(tmpdir(), 'shop-saga-bytes-'));
const nats = await startLocalNats(natsStore);
const databases = await openBenchDatabases('shop_bytes', ['account', 'catalog', 'order']);
const [accountDb, catalogDb, orderDb] = databases.urls as [string, string, string];
const { suffix } = databases;

const signingKey = generateSigningKeyText();
const events = { NATS_URL: nats.url };
const account = await buildAccountApp({ ACCOUNT_GRPC_PORT: 0, DATABASE_URL: accountDb, JWT_PRIVATE_KEY: signingKey, ...grace, ...events }, logger);
const accountAddress = { ACCOUNT_GRPC_ADDRESS: `127.0.0.1:${account.port}` };
const catalog = await buildCatalogApp({ CATALOG_GRPC_PORT: 0, DATABASE_URL: catalogDb, ...accountAddress, ...grace, ...events }, logger);
const addresses = { ...accountAddress, CATALOG_GRPC_ADDRESS: `127.0.0.1:${catalog.port}` };
const order = await buildOrderApp({ ORDER_GRPC_PORT: 0, DATABASE_URL: orderDb, ...addresses, ...grace, ...events }, logger);
await Promise.all([account.ready, catalog.ready, order.ready]);

const clients = {
  accounts: AccountClient.connect(addresses.ACCOUNT_GRPC_ADDRESS),
  catalog: CatalogClient.connect(addresses.CATALOG_GRPC_ADDRESS),
  orders: OrderClient.connect(`127.0.0.1:${order.port}`),
};
const { token } = await new TokenIssuer(await readSigningKey(signingKey)).issue(randomUUID(), 'ADMIN', Math.floor(Date.now() / 1000));
const asAdmin = { authorization: `Bearer ${token}` };
const products: ProductView[] = [];
for (let i = 0; i < 10; i += 1) {
  products.push(
    await clients.catalog.create({ name: `Bytes product ${i}`, description: 'A product of ordinary size, with a description of a sentence or two, as the sample data has.', price: { amountMinor: 1999n, currencyCode: 'USD' }, stock: 1_000_000 }, asAdmin),
  );
}
const customer = await clients.accounts.create({ name: 'Bytes customer', email: `bytes.${suffix}@example.com` }, asAdmin);

const pools = { catalog: new pg.Pool({ connectionString: catalogDb }), order: new pg.Pool({ connectionString: orderDb }) };
const natsConnection = await connectNats(nats.url, 'saga-bytes');

async function tableUsage(pool: pg.Pool, table: 'outbox' | 'inbox'): Promise<Usage> {
  const { rows } = await pool.query<{ rows: string; bytes: string | null }>(`SELECT count(*) AS rows, sum(pg_column_size(t.*)) AS bytes FROM ${table} AS t`);
  return { rows: Number(rows[0]?.rows), bytes: Number(rows[0]?.bytes ?? 0) };
}

async function streamUsage(name: string): Promise<Usage> {
  const usage = await usageOf(natsConnection, name);
  return { rows: usage?.messages ?? 0, bytes: usage?.bytes ?? 0 };
}

async function snapshot(): Promise<Record<string, Usage>> {
  return {
    'order outbox': await tableUsage(pools.order, 'outbox'),
    'catalog outbox': await tableUsage(pools.catalog, 'outbox'),
    'catalog inbox': await tableUsage(pools.catalog, 'inbox'),
    'order inbox': await tableUsage(pools.order, 'inbox'),
    'stream SHOP_ORDER': await streamUsage('SHOP_ORDER'),
    'stream SHOP_CATALOG': await streamUsage('SHOP_CATALOG'),
  };
}

/**
 * Waits until every outbox row is published and each saga consumer has taken every event it reads: the catalog's
 * one every order event, the order's one every reservation event.
 */
async function settled(): Promise<void> {
  const count = async (pool: pg.Pool, sql: string) => Number((await pool.query<{ n: string }>(sql)).rows[0]?.n);
  for (let waited = 0; waited < 60_000; waited += 100) {
    const unpublished = (await count(pools.order, 'SELECT count(*) AS n FROM outbox WHERE published_at IS NULL')) + (await count(pools.catalog, 'SELECT count(*) AS n FROM outbox WHERE published_at IS NULL'));
    const orderEvents = await count(pools.order, "SELECT count(*) AS n FROM outbox WHERE aggregate_type = 'order'");
    const reservationEvents = await count(pools.catalog, "SELECT count(*) AS n FROM outbox WHERE aggregate_type = 'stock_reservation'");
    const catalogTook = await count(pools.catalog, "SELECT count(*) AS n FROM inbox WHERE consumer = 'catalog-stock-saga'");
    const orderTook = await count(pools.order, "SELECT count(*) AS n FROM inbox WHERE consumer = 'order-stock-saga'");
    if (unpublished === 0 && catalogTook === orderEvents && orderTook === reservationEvents) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the saga did not settle within a minute');
}

async function measure(lines: number): Promise<void> {
  await settled();
  const before = await snapshot();
  const placed: string[] = [];
  for (let i = 0; i < ORDERS; i += 1) {
    const items = Array.from({ length: lines }, (_, k) => ({ productId: products[(i + k) % products.length]!.id, quantity: 1 }));
    placed.push((await clients.orders.create({ accountId: customer.id, items }, asAdmin)).id);
  }
  for (const id of placed) {
    for (let waited = 0; (await clients.orders.get(id, asAdmin)).status === 'PENDING'; waited += 50) {
      if (waited > 30_000) throw new Error(`order ${id} stayed PENDING`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await settled();
  const after = await snapshot();
  console.log(`\ncreateOrder with ${lines} line(s), ${ORDERS} orders: per order`);
  let total = 0;
  for (const [name, usage] of Object.entries(after)) {
    const rows = (usage.rows - before[name]!.rows) / ORDERS;
    const bytes = (usage.bytes - before[name]!.bytes) / ORDERS;
    total += bytes;
    console.log(`  ${name.padEnd(22)} ${rows.toFixed(1).padStart(5)} rows/messages  ${bytes.toFixed(0).padStart(7)} bytes`);
  }
  console.log(`  ${'total'.padEnd(22)} ${''.padStart(5)}                ${total.toFixed(0).padStart(7)} bytes`);
}

try {
  await measure(1);
  await measure(5);
} finally {
  await natsConnection.close();
  await pools.catalog.end();
  await pools.order.end();
  for (const client of Object.values(clients)) client.close();
  await Promise.all([order.stop(), catalog.stop(), account.stop()]);
  await databases.close();
  await nats.stop();
  rmSync(natsStore, { recursive: true, force: true });
}
