import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createPool, isUniqueViolation, withTransaction, type Pool } from '@shop/postgres';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { appendToOutbox, OUTBOX_CHANNEL, OUTBOX_MIGRATIONS_DIR, OUTBOX_VERSION_CONSTRAINT, readHistory } from '../src/index.js';
import { testRegistry, TestEvents, uniqueServiceName, StockReleased } from './support/test-events.js';
import { waitFor } from '@shop/testing';

let database: TestDatabase;
let pool: Pool;
const events = new TestEvents(testRegistry(uniqueServiceName()));

beforeAll(async () => {
  database = await createTestDatabase('outbox_writer', OUTBOX_MIGRATIONS_DIR);
  pool = createPool(database.url);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

describe('the outbox writer', () => {
  it('stores envelopes byte for byte and reads an aggregate history back by version, after the record is gone', async () => {
    const [first, second, third] = [events.next('order-1'), events.next('order-1', StockReleased), events.next('order-1')];
    const other = events.next('order-2');
    await withTransaction(pool, (tx) => appendToOutbox(tx, [first!, other]));
    await withTransaction(pool, (tx) => appendToOutbox(tx, [second!, third!]));

    expect(await readHistory(pool, 'order-1')).toEqual([first, second, third]);
    expect(await readHistory(pool, 'order-1', 'product')).toEqual([]);
    expect(await readHistory(pool, 'order-2', 'stock_reservation')).toEqual([other]);
  });

  it('writes nothing when the business transaction rolls back', async () => {
    const event = events.next('order-rolled-back');
    await expect(
      withTransaction(pool, async (tx) => {
        await appendToOutbox(tx, [event]);
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await readHistory(pool, 'order-rolled-back')).toEqual([]);
  });

  it('refuses a second event at the same version with a unique violation the repository can name', async () => {
    const event = events.next('order-race');
    await withTransaction(pool, (tx) => appendToOutbox(tx, [event]));
    const rival = { ...events.next('order-other'), aggregateId: 'order-race', aggregateVersion: 1 };
    const error = await withTransaction(pool, (tx) => appendToOutbox(tx, [rival])).catch((caught: unknown) => caught);
    expect(isUniqueViolation(error, OUTBOX_VERSION_CONSTRAINT)).toBe(true);
  });

  it('notifies the relay channel at commit, and never for a rollback', async () => {
    const listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    const notified: string[] = [];
    listener.on('notification', (notification) => notified.push(notification.channel));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      await appendToOutbox(tx, [events.next('order-rolled-back-again')]);
      await tx.query('ROLLBACK');
      await tx.query('BEGIN');
      await appendToOutbox(tx, [events.next('order-notify'), events.next('order-notify')]);
      await tx.query('SELECT pg_sleep(0.1)');
      expect(notified).toEqual([]);
      await tx.query('COMMIT');
      await waitFor('the notification', () => notified.length > 0);
      // One notification: none for the rollback, one (not two) for the committed transaction.
      expect(notified).toEqual([OUTBOX_CHANNEL]);
    } finally {
      tx.release();
      await listener.end();
    }
  });
});
