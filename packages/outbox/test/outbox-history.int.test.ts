import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPool, withTransaction, type Pool } from '@shop/postgres';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { appendToOutbox, OUTBOX_MIGRATIONS_DIR, READ_HISTORIES_SQL, READ_HISTORY_SQL, readHistories, readHistory } from '../src/index.js';
import { testRegistry, TestEvents, uniqueServiceName } from './support/test-events.js';

// History pages read from the outbox: oldest first, after a version, limited, one query for many aggregates.

let database: TestDatabase;
let pool: Pool;
const events = new TestEvents(testRegistry(uniqueServiceName()));
const TYPE = 'stock_reservation';
const versions = (envelopes: { aggregateVersion: number }[]) => envelopes.map((envelope) => envelope.aggregateVersion);

beforeAll(async () => {
  database = await createTestDatabase('outbox_history', OUTBOX_MIGRATIONS_DIR);
  pool = createPool(database.url);
  await withTransaction(pool, (tx) => appendToOutbox(tx, [...events.many(['a', 'b'], 10), events.next('c')]));
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

describe('history pages from the outbox', () => {
  it('read one aggregate oldest first, after a version, up to a limit', async () => {
    expect(versions(await readHistory(pool, 'a'))).toEqual([1, 2, 3, 4, 5]);
    expect(versions(await readHistory(pool, 'a', TYPE, { afterVersion: 0, limit: 2 }))).toEqual([1, 2]);
    expect(versions(await readHistory(pool, 'a', TYPE, { afterVersion: 2, limit: 2 }))).toEqual([3, 4]);
    expect(versions(await readHistory(pool, 'a', TYPE, { afterVersion: 4, limit: 50 }))).toEqual([5]);
    expect(await readHistory(pool, 'a', TYPE, { afterVersion: 5, limit: 50 })).toEqual([]);
  });

  it('read a page per aggregate in the order asked, empty for unknown ids, repeated for repeated ids', async () => {
    const pages = await readHistories(pool, ['b', 'nobody', 'a', 'b', 'c'], TYPE, { afterVersion: 1, limit: 3 });
    expect(pages.map(versions)).toEqual([[2, 3, 4], [], [2, 3, 4], [2, 3, 4], []]);
    expect(pages[0]!.every((envelope) => envelope.aggregateId === 'b')).toBe(true);
    expect(await readHistories(pool, [], TYPE, { afterVersion: 0, limit: 1 })).toEqual([]);
    expect(await readHistories(pool, ['a'], 'product', { afterVersion: 0, limit: 10 })).toEqual([[]]);
  });

  it('walk the unique index on (aggregate_id, aggregate_version, aggregate_type), never the whole table', async () => {
    const client = await pool.connect();
    try {
      // With so few rows the planner would rather scan; forbidding that shows the index fits the query's shape.
      await client.query('SET enable_seqscan = off');
      const plan = async (sql: string, values: unknown[]) => (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, values)).rows.map((row) => row['QUERY PLAN']).join('\n');
      const single = await plan(READ_HISTORY_SQL, ['a', TYPE, 2, 10]);
      const batch = await plan(READ_HISTORIES_SQL, [['a', 'b'], TYPE, 2, 10]);
      process.stdout.write(`history read plans:\n${single}\n\n${batch}\n`);
      for (const text of [single, batch]) {
        expect(text).toContain('outbox_aggregate_version_key');
        expect(text).not.toContain('Seq Scan on outbox');
      }
      // Inside each aggregate the index order is the version order: no sort per page.
      expect(single).not.toContain('Sort');
    } finally {
      client.release();
    }
  });
});
