import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPool, type Pool } from '@shop/postgres';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { MIGRATIONS } from '../src/app.js';
import { OrderStoreUnavailableError } from '../src/domain/order-errors.js';
import { OrderPgRepository } from '../src/repository/order-pg-repository.js';
import { anOrder } from './order-builder.js';
import { describeOrderRepositoryContract } from './order-repository-contract.js';
import { orderEventsWire } from '../src/events/order-events-wire.js';

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase('order_repo', MIGRATIONS);
  pool = createPool(database.url);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

describeOrderRepositoryContract('Postgres', async () => {
  await pool.query('TRUNCATE orders, outbox CASCADE');
  return new OrderPgRepository(pool, orderEventsWire);
});

describe('OrderPgRepository', () => {
  it('writes an order and its lines together or not at all', async () => {
    const repository = new OrderPgRepository(pool, orderEventsWire);
    const order = anOrder();
    await repository.add(order, null);
    // The same id again fails on the orders row; no line of the second attempt may remain.
    await expect(repository.add(order, null)).rejects.toMatchObject({ code: '23505' });
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM order_items WHERE order_id = $1', [order.id]);
    expect(rows[0].n).toBe(1);
  });

  it('reports a database it cannot reach as OrderStoreUnavailableError', async () => {
    const unreachable = createPool('postgres://postgres@127.0.0.1:1/shop_test_nowhere');
    try {
      await expect(new OrderPgRepository(unreachable, orderEventsWire).get(anOrder().id)).rejects.toBeInstanceOf(OrderStoreUnavailableError);
    } finally {
      await unreachable.end();
    }
  });
});
