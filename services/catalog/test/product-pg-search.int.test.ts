import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPool, type Pool } from '@shop/postgres';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { MIGRATIONS } from '../src/app.js';
import { CatalogStoreUnavailableError } from '../src/domain/product-errors.js';
import { ProductPgRepository } from '../src/repository/product-pg-repository.js';
import { ProductPgSearch } from '../src/repository/product-pg-search.js';
import { aProduct } from './product-builder.js';
import { describeProductSearchContract } from './product-search-contract.js';
import { catalogEventsWire } from '../src/events/catalog-events-wire.js';

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase('catalog_search', MIGRATIONS);
  pool = createPool(database.url);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

describeProductSearchContract('Postgres full-text search', async () => {
  await pool.query('TRUNCATE products, outbox');
  return { products: new ProductPgRepository(pool, catalogEventsWire), search: new ProductPgSearch(pool) };
});

describe('ProductPgSearch', () => {
  it('matches English stems as well as word prefixes: "kettles" finds "kettle", "happy" finds "Happyland"', async () => {
    await pool.query('TRUNCATE products, outbox');
    const products = new ProductPgRepository(pool, catalogEventsWire);
    const kettle = aProduct({ name: 'Steel kettle' });
    const happyland = aProduct({ name: 'Happyland mug' });
    await products.add(kettle, null);
    await products.add(happyland, null);
    const search = new ProductPgSearch(pool);
    expect((await search.search('kettles', 10)).map((hit) => hit.product.id)).toEqual([kettle.id]);
    expect((await search.search('happy', 10)).map((hit) => hit.product.id)).toEqual([happyland.id]);
  });

  it('ignores English stop words in the query, and finds nothing for stop words alone', async () => {
    await pool.query('TRUNCATE products, outbox');
    const kettle = aProduct({ name: 'Steel kettle' });
    await new ProductPgRepository(pool, catalogEventsWire).add(kettle, null);
    const search = new ProductPgSearch(pool);
    expect((await search.search('the kettle', 10)).map((hit) => hit.product.id)).toEqual([kettle.id]);
    expect(await search.search('the and of', 10)).toEqual([]);
  });

  it('reports a database it cannot reach as CatalogStoreUnavailableError', async () => {
    const unreachable = createPool('postgres://postgres@127.0.0.1:1/shop_test_nowhere');
    try {
      await expect(new ProductPgSearch(unreachable).search('kettle', 10)).rejects.toBeInstanceOf(CatalogStoreUnavailableError);
    } finally {
      await unreachable.end();
    }
  });
});
