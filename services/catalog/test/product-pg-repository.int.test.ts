import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PgErrorCode, createPool, type Pool } from '@shop/postgres';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { MIGRATIONS } from '../src/app.js';
import { Product } from '../src/domain/product.js';
import { CatalogStoreUnavailableError } from '../src/domain/product-errors.js';
import { ProductPgRepository } from '../src/repository/product-pg-repository.js';
import { aProduct } from './product-builder.js';
import { describeProductRepositoryContract } from './product-repository-contract.js';
import { catalogEventsWire } from '../src/events/catalog-events-wire.js';

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase('catalog_repo', MIGRATIONS);
  pool = createPool(database.url);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

describeProductRepositoryContract('Postgres', async () => {
  await pool.query('TRUNCATE products, outbox');
  return new ProductPgRepository(pool, catalogEventsWire);
});

describe('ProductPgRepository', () => {
  it.each([
    ['an empty name', { name: '' }],
    ['a 5001-character description', { description: 'x'.repeat(5_001) }],
    ['a price of zero', { price: { amountMinor: 0n, currencyCode: 'USD' } }],
    ['a lower-case currency', { price: { amountMinor: 100n, currencyCode: 'usd' } }],
    ['negative stock', { stock: -1 }],
    ['stock above 1,000,000', { stock: 1_000_001 }],
  ])('has CHECK constraints that refuse %s even when the domain is bypassed', async (_case, bad) => {
    const state = { ...aProduct().toState(), ...bad };
    await expect(new ProductPgRepository(pool, catalogEventsWire).add(Product.fromStorage(state), null)).rejects.toMatchObject({ code: PgErrorCode.checkViolation });
  });

  it('reports a database it cannot reach as CatalogStoreUnavailableError, not as an internal error', async () => {
    const unreachable = createPool('postgres://postgres@127.0.0.1:1/shop_test_nowhere');
    try {
      await expect(new ProductPgRepository(unreachable, catalogEventsWire).get(aProduct().id)).rejects.toBeInstanceOf(CatalogStoreUnavailableError);
    } finally {
      await unreachable.end();
    }
  });
});
