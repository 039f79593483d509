import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { deleteOlderThan } from './delete-in-batches.js';
import { createPool, type Pool } from './pool.js';

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase('delete_batches');
  pool = createPool(database.url);
  await pool.query('CREATE TABLE stamps (id int PRIMARY KEY, created_at timestamptz NOT NULL)');
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

it('deletes every row older than the cut-off over several batches, and none newer, counting what it deleted', async () => {
  const cutOff = new Date('2026-01-02T00:00:00Z');
  // 7 rows before the cut-off, one exactly at it and 2 after: batches of 3 take three statements.
  await pool.query(
    `INSERT INTO stamps SELECT n, $1::timestamptz + (n - 8) * interval '1 hour' FROM generate_series(1, 10) AS n`,
    [cutOff],
  );
  expect(await deleteOlderThan(pool, 'stamps', 'created_at', cutOff, 3)).toBe(7);
  expect((await pool.query<{ id: number }>('SELECT id FROM stamps ORDER BY id')).rows.map((row) => row.id)).toEqual([8, 9, 10]);
  expect(await deleteOlderThan(pool, 'stamps', 'created_at', cutOff, 3)).toBe(0);
});
