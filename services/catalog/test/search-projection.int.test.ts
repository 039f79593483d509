import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger } from '@shop/logger';
import { startLocalNats, type LocalNats } from '@shop/nats';
import { newId } from '@shop/ids';
import { createPool, withTransaction, type Pool } from '@shop/postgres';
import { createTestDatabase, testIdentity, waitFor, type TestCaller, type TestDatabase } from '@shop/testing';
import { buildCatalogApp, MIGRATIONS, type CatalogApp } from '../src/app.js';
import { CatalogClient } from '../src/client/index.js';
import { catalogEventsWire, reservationEventsWire } from '../src/events/catalog-events-wire.js';
import { orderEventsHandler } from '../src/events/order-events-consumer.js';
import { SEARCH_PROJECTION_CONSUMER } from '../src/events/search-projection.js';
import { ProductPgRepository } from '../src/repository/product-pg-repository.js';
import { StockReservationPgStore } from '../src/repository/stock-reservation-pg-store.js';
import { FakeElasticsearch } from './fake-elasticsearch.js';
import { orderEvent } from './order-event.js';
import { aProduct, aProductInput } from './product-builder.js';

// End to end through the event path: the real catalog service on a real Postgres writes each change and its event
// in one transaction, the outbox relay publishes it to a real nats-server (a private one, so the stream and the
// durable consumer are this test's alone), and the projection consumer writes it to the search index. The index
// is a fake Elasticsearch on the official mock transport: no Elasticsearch server can run here.

const ALIAS = 'shop-products';
const logger = createLogger('catalog-projection-test', (process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent');
let natsDir: string;
let nats: LocalNats;
let database: TestDatabase;
let pool: Pool;
let fake: FakeElasticsearch;
let app: CatalogApp;
let client: CatalogClient;
let admin: TestCaller;
const earlier = aProduct({ name: 'Zephyr kettle from before the index' });

beforeAll(async () => {
  natsDir = mkdtempSync(join(tmpdir(), 'shop-projection-nats-'));
  nats = await startLocalNats(natsDir);
  database = await createTestDatabase('catalog_projection', MIGRATIONS);
  pool = createPool(database.url);
  await new ProductPgRepository(pool, catalogEventsWire).add(earlier, null);
  fake = new FakeElasticsearch();
  const identity = await testIdentity();
  admin = await identity.caller('ADMIN');
  app = await buildCatalogApp(
    { CATALOG_GRPC_PORT: 0, DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: 1_000, NATS_URL: nats.url, ELASTICSEARCH_INDEX: ALIAS },
    logger,
    { searchClient: fake.client(), jwks: identity.jwks },
  );
  await app.ready;
  client = CatalogClient.connect(`127.0.0.1:${app.port}`);
});

afterAll(async () => {
  client.close();
  await app.stop();
  await pool.end();
  await database.drop();
  await nats.stop();
  rmSync(natsDir, { recursive: true, force: true });
});

const indexed = (id: string) => fake.documents(ALIAS).get(id);

describe('the search projection', () => {
  it('builds the index from Postgres at the first start, with the products that were there before it', async () => {
    await waitFor('the index to be built', () => indexed(earlier.id) !== undefined);
    expect(indexed(earlier.id)).toEqual({ version: 1, source: expect.objectContaining({ id: earlier.id, name: 'Zephyr kettle from before the index' }) });
    expect(fake.resolve(ALIAS)).toMatch(/^shop-products-v\d+-/);
  });

  it('takes creates, updates, stock changes and deletes to the index, each once, in order', async () => {
    const product = await client.create(aProductInput({ name: 'Zephyr lamp', stock: 5 }), admin.auth);
    await waitFor('the create to be indexed', () => indexed(product.id)?.version === 1);
    expect(indexed(product.id)!.source).toMatchObject({ name: 'Zephyr lamp', stock: 5, price: { amountMinor: 1_999, currencyCode: 'USD' } });

    await client.update(product.id, { name: 'Zephyr floor lamp' }, admin.auth);
    await waitFor('the rename to be indexed', () => indexed(product.id)?.version === 2);
    expect(indexed(product.id)!.source).toMatchObject({ name: 'Zephyr floor lamp', stock: 5 });

    await client.update(product.id, { stock: 2 }, admin.auth);
    await waitFor('the stock change to be indexed', () => indexed(product.id)?.version === 3);
    expect(indexed(product.id)!.source).toMatchObject({ name: 'Zephyr floor lamp', stock: 2 });

    await client.delete(product.id, admin.auth);
    await waitFor('the delete to reach the index', () => indexed(product.id) === undefined);

    const { rows } = await pool.query<{ aggregate_version: string }>(
      'SELECT aggregate_version FROM inbox WHERE consumer = $1 AND aggregate_id = $2 ORDER BY aggregate_version',
      [SEARCH_PROJECTION_CONSUMER, product.id],
    );
    expect(rows.map((row) => Number(row.aggregate_version))).toEqual([1, 2, 3, 4]);
  });

  it("takes the saga's stock changes, which carry only the stock, to the index as the product stands", async () => {
    const product = await client.create(aProductInput({ name: 'Zephyr teapot', stock: 6 }), admin.auth);
    await waitFor('the create to be indexed', () => indexed(product.id)?.version === 1);
    const orderId = newId();
    const orderCreated = orderEvent('OrderCreated', orderId, 1, { order: { id: orderId, items: [{ productId: product.id, quantity: 4 }] } });
    await withTransaction(pool, (tx) => orderEventsHandler(new StockReservationPgStore(catalogEventsWire, reservationEventsWire))(tx, orderCreated));
    await waitFor('the stock change to be indexed', () => indexed(product.id)?.version === 2);
    expect(indexed(product.id)!.source).toMatchObject({ name: 'Zephyr teapot', stock: 2 });
  });

  it('waits out an Elasticsearch outage without dead-lettering anything, while search answers from Postgres', async () => {
    fake.down = true;
    try {
      const product = await client.create(aProductInput({ name: 'Outage lantern' }), admin.auth);
      await waitFor('the projection to have tried twice', () => fake.requests.filter((request) => request.path.endsWith(`/_doc/${product.id}`)).length >= 2);
      const page = await client.search({ query: 'outage lantern' });
      expect(page.products.map((found) => found.id)).toEqual([product.id]);

      fake.down = false;
      await waitFor('the create to be indexed after the outage', () => indexed(product.id)?.version === 1, 15_000);
    } finally {
      fake.down = false;
    }
    const { rows } = await pool.query('SELECT event_id FROM dead_letters WHERE consumer = $1', [SEARCH_PROJECTION_CONSUMER]);
    expect(rows).toEqual([]);
  });
});
