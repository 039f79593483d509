import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createLogger } from '@shop/logger';
import { createPool, type Pool } from '@shop/postgres';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { MIGRATIONS } from '../src/app.js';
import { catalogEventsWire } from '../src/events/catalog-events-wire.js';
import type { IndexChange } from '../src/repository/elasticsearch/index-change.js';
import { INDEX_MAPPINGS, MAPPING_VERSION } from '../src/repository/elasticsearch/product-index-mapping.js';
import { ProductIndexAdmin } from '../src/repository/elasticsearch/product-index-admin.js';
import { ProductIndexWriter } from '../src/repository/elasticsearch/product-index-writer.js';
import { ProductPgRepository } from '../src/repository/product-pg-repository.js';
import { ProductPgSnapshot } from '../src/repository/product-pg-snapshot.js';
import { FakeElasticsearch } from './fake-elasticsearch.js';
import { aProduct } from './product-builder.js';

// The index admin against a real Postgres (the source of truth it rebuilds from) and Elasticsearch's official
// mock transport (no Elasticsearch server can run here).

const ALIAS = 'shop-products';
const logger = createLogger('catalog-index-admin-test', 'silent');
let database: TestDatabase;
let pool: Pool;
let products: ProductPgRepository;
let fake: FakeElasticsearch;

beforeAll(async () => {
  database = await createTestDatabase('catalog_index_admin', MIGRATIONS);
  pool = createPool(database.url);
  products = new ProductPgRepository(pool, catalogEventsWire);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

beforeEach(async () => {
  await pool.query('TRUNCATE products, outbox');
  fake = new FakeElasticsearch();
});

const admin = (snapshot = new ProductPgSnapshot(pool), batchSize = 2) => new ProductIndexAdmin(fake.client(), ALIAS, snapshot, logger, { batchSize });
const indexedVersions = () => new Map([...fake.documents(ALIAS)].map(([id, doc]) => [id, doc.version]));

describe('ProductIndexAdmin.ensure', () => {
  it('creates the index with the mapping, fills it from Postgres in batches with each product version, and puts the alias on it', async () => {
    const [a, b, c] = [aProduct({ name: 'Zephyr lamp' }), aProduct(), aProduct()];
    for (const product of [a!, b!, c!]) await products.add(product, null);
    await products.update(a!.id, (current) => current.update({ stock: 1 }, new Date()), null);

    await expect(admin().ensure()).resolves.toBe('created');

    const index = fake.resolve(ALIAS)!;
    expect(index).toMatch(new RegExp(`^${ALIAS}-v${MAPPING_VERSION}-\\d{8}t\\d{9}z$`));
    expect(fake.indices.get(index)!.mappings).toEqual(INDEX_MAPPINGS);
    expect(indexedVersions()).toEqual(new Map([[a!.id, 2], [b!.id, 1], [c!.id, 1]]));
    expect(fake.documents(ALIAS).get(a!.id)!.source).toMatchObject({ name: 'Zephyr lamp', stock: 1, price: { amountMinor: 1_999, currencyCode: 'USD' } });
    // 3 products in batches of 2, then the catch-up replay (they were all created within its margin).
    expect(fake.requests.filter((request) => request.path === '/_bulk').map((request) => (request.body as unknown[]).length / 2)).toEqual([2, 1, 3]);
  });

  it('leaves a current index alone', async () => {
    await admin().ensure();
    const index = fake.resolve(ALIAS);
    await expect(admin().ensure()).resolves.toBe('current');
    expect(fake.resolve(ALIAS)).toBe(index);
    expect([...fake.indices.keys()]).toEqual([index]);
  });

  it('migrates an index of an older mapping: builds a new one, moves the alias in one request, drops the old one', async () => {
    const product = aProduct();
    await products.add(product, null);
    await fake.client().indices.create({ index: 'shop-products-old', mappings: { _meta: { mappingVersion: MAPPING_VERSION - 1 }, properties: {} } });
    await fake.client().indices.updateAliases({ actions: [{ add: { index: 'shop-products-old', alias: ALIAS } }] });

    await expect(admin().ensure()).resolves.toBe('migrated');

    expect(fake.resolve(ALIAS)).not.toBe('shop-products-old');
    expect(fake.indices.has('shop-products-old')).toBe(false);
    expect(indexedVersions()).toEqual(new Map([[product.id, 1]]));
    const aliasRequests = fake.requests.filter((request) => request.path === '/_aliases').at(-1)!.body as { actions: object[] };
    expect(aliasRequests.actions).toEqual([{ remove: { index: 'shop-products-old', alias: ALIAS } }, { add: { index: fake.resolve(ALIAS), alias: ALIAS } }]);
  });

  it('replaces an index that took the alias name (written to before the alias existed) in the same alias request', async () => {
    await fake.client().indices.create({ index: ALIAS, mappings: { properties: {} } });
    await expect(admin().ensure()).resolves.toBe('created');
    expect(fake.aliases.has(ALIAS)).toBe(true);
    expect(fake.indices.has(ALIAS)).toBe(false);
  });

  it('fails while Elasticsearch is down, leaving nothing behind, and succeeds once it is back', async () => {
    fake.down = true;
    await expect(admin().ensure()).rejects.toMatchObject({ code: 'CATALOG.SEARCH_UNAVAILABLE' });
    fake.down = false;
    await expect(admin().ensure()).resolves.toBe('created');
    expect(fake.indices.size).toBe(1);
  });
});

describe('ProductIndexAdmin.rebuild', () => {
  it('replays the changes the projection made to the old index while the new one was filling', async () => {
    const [renamed, deleted, untouched] = [aProduct({ name: 'Old name' }), aProduct(), aProduct()];
    for (const product of [renamed!, deleted!, untouched!]) await products.add(product, null);
    await admin().ensure();

    // A snapshot that, once read, sees the projection apply two changes through the alias (still on the old index).
    class ChangingSnapshot extends ProductPgSnapshot {
      override async *pages(batchSize: number): AsyncGenerator<IndexChange[]> {
        yield* super.pages(batchSize);
        const projection = new ProductIndexWriter(fake.client(), ALIAS);
        const after = await products.update(renamed!.id, (current) => current.update({ name: 'New name' }, new Date()), null);
        await projection.apply({ kind: 'upsert', product: after, version: 2 });
        await products.delete(deleted!.id, null);
        await projection.apply({ kind: 'remove', id: deleted!.id, version: 2 });
      }
    }
    const report = await admin(new ChangingSnapshot(pool)).rebuild('test');

    expect(report).toMatchObject({ products: 3, caughtUp: 3 }); // every product changed within the margin is replayed once
    expect(indexedVersions()).toEqual(new Map([[renamed!.id, 2], [untouched!.id, 1]]));
    expect(fake.documents(ALIAS).get(renamed!.id)!.source).toMatchObject({ name: 'New name' });
    expect(fake.indices.size).toBe(1);
  });
});
