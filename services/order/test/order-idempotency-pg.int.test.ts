import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import { createPool, type Pool } from '@shop/postgres';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { MIGRATIONS } from '../src/app.js';
import { IdempotencyKeyTakenError } from '../src/domain/order-errors.js';
import { orderEventsWire } from '../src/events/order-events-wire.js';
import { OrderPgRepository } from '../src/repository/order-pg-repository.js';
import { anOrder } from './order-builder.js';
import { describeIdempotencyContract } from './order-idempotency-contract.js';

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase('order_idempotency', MIGRATIONS);
  pool = createPool(database.url, { max: 12 });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

describeIdempotencyContract('Postgres', async () => {
  await pool.query('TRUNCATE orders, order_idempotency_keys, outbox CASCADE');
  return new OrderPgRepository(pool, orderEventsWire);
});

describe('OrderPgRepository with idempotency keys', () => {
  it('stores exactly one of ten concurrent orders claiming one key; the others store nothing', async () => {
    const repository = new OrderPgRepository(pool, orderEventsWire);
    const accountId = newId();
    const claim = { key: 'concurrent', fingerprint: 'f'.repeat(64), liveSince: new Date(Date.now() - 86_400_000) };
    const orders = Array.from({ length: 10 }, () => anOrder({ accountId }));
    const outcomes = await Promise.allSettled(orders.map((order) => repository.add(order, null, claim)));
    const stored = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(stored).toHaveLength(1);
    expect(refused.every((reason) => reason instanceof IdempotencyKeyTakenError)).toBe(true);
    const { rows } = await pool.query<{ orders: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM orders WHERE account_id = $1) AS orders,
              (SELECT count(*)::int FROM outbox WHERE aggregate_id = ANY($2::text[])) AS events`,
      [accountId, orders.map((order) => order.id)],
    );
    expect(rows[0]).toEqual({ orders: 1, events: 1 });
  });
});
