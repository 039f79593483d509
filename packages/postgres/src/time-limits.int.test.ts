import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, waitFor, type TestDatabase } from '@shop/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { withAdvisoryLock } from './advisory-lock.js';
import { mapConnectionErrors } from './connection-errors.js';
import { PgErrorCode } from './pg-errors.js';
import { createPool, type Pool } from './pool.js';
import { withTransaction } from './transaction.js';

// Every pool bounds its statements (statement_timeout), and a pool given a request signal cancels the statements
// of a request that ended. The signal here is a plain variable standing in for grpc-kit's call scope.

let database: TestDatabase;
let admin: Pool;
let requestSignal: AbortSignal | undefined;
const pools: Pool[] = [];

function pool(options: Parameters<typeof createPool>[1] = {}): Pool {
  const created = createPool(database.url, { onError: () => {}, ...options });
  pools.push(created);
  return created;
}

/** The statements still running pg_sleep on the test database, as Postgres itself reports them. */
async function runningSleeps(): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'SELECT pg_sleep(3%'",
  );
  return rows[0]!.n;
}

/** A request that ends `afterMs` from now, as a passing deadline ends one. */
function requestEndingIn(afterMs: number): AbortController {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), afterMs);
  requestSignal = controller.signal;
  return controller;
}

async function failureOf(work: Promise<unknown>): Promise<{ code?: string; message: string }> {
  return work.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as { code?: string; message: string },
  );
}

beforeAll(async () => {
  database = await createTestDatabase('time_limits');
  admin = pool({ statementTimeoutMs: 0 });
  await admin.query('CREATE TABLE notes (body text)');
});

afterAll(async () => {
  for (const created of pools) await created.end();
  await database.drop();
});

describe('statement_timeout', () => {
  it('is set on every connection of a pool, 5 s unless given', async () => {
    expect((await pool().query('SHOW statement_timeout')).rows[0].statement_timeout).toBe('5s');
    expect((await pool({ statementTimeoutMs: 250 }).query('SHOW statement_timeout')).rows[0].statement_timeout).toBe('250ms');
  });

  it('cancels a statement that runs longer, for reads and writes alike', async () => {
    const bounded = pool({ statementTimeoutMs: 200 });
    const started = Date.now();
    expect(await failureOf(bounded.query('SELECT pg_sleep(30)'))).toMatchObject({ code: PgErrorCode.queryCanceled });
    await expect(withTransaction(bounded, (tx) => tx.query("INSERT INTO notes SELECT 'slow' FROM pg_sleep(30)"))).rejects.toMatchObject({ code: PgErrorCode.queryCanceled });
    process.stdout.write(`statement_timeout 200 ms: two statements cancelled after ${Date.now() - started} ms\n`);
    expect((await admin.query("SELECT count(*)::int AS n FROM notes WHERE body = 'slow'")).rows[0].n).toBe(0);
  });
});

describe('an advisory lock', () => {
  it('is waited for longer than statement_timeout, and leaves the connection with the timeout again', async () => {
    const bounded = pool({ max: 2, statementTimeoutMs: 200 });
    const order: string[] = [];
    const holder = withAdvisoryLock(bounded, 'time-limits-test', async () => {
      order.push('first holds');
      await sleep(600);
      order.push('first done');
    });
    await sleep(50);
    await withAdvisoryLock(bounded, 'time-limits-test', async () => void order.push('second holds'));
    await holder;
    expect(order).toEqual(['first holds', 'first done', 'second holds']);
    const timeouts = await Promise.all([bounded.query('SHOW statement_timeout'), bounded.query('SHOW statement_timeout')]);
    expect(timeouts.map((result) => result.rows[0].statement_timeout)).toEqual(['200ms', '200ms']);
  });
});

describe('a pool given a request signal', () => {
  const limited = () => pool({ statementTimeoutMs: 0, requestSignal: () => requestSignal });

  it('cancels the running statement of a request whose deadline passes, in Postgres too', async () => {
    const queries = limited();
    requestEndingIn(200);
    const started = Date.now();
    const failure = await failureOf(queries.query('SELECT pg_sleep(30)'));
    requestSignal = undefined;
    process.stdout.write(`deadline 200 ms: pg_sleep(30) cancelled after ${Date.now() - started} ms (${failure.message})\n`);
    expect(failure.code).toBe(PgErrorCode.queryCanceled);
    await waitFor('Postgres to stop the statement', async () => (await runningSleeps()) === 0);
    expect((await queries.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('rolls back a transaction whose request ended, whether a statement was running or not', async () => {
    const queries = limited();
    requestEndingIn(200);
    await expect(
      withTransaction(queries, async (tx) => {
        await tx.query("INSERT INTO notes VALUES ('cancelled while sleeping')");
        await tx.query('SELECT pg_sleep(30)');
      }),
    ).rejects.toMatchObject({ code: PgErrorCode.queryCanceled });

    const controller = new AbortController();
    requestSignal = controller.signal;
    await expect(
      withTransaction(queries, async (tx) => {
        await tx.query("INSERT INTO notes VALUES ('cancelled between statements')");
        controller.abort();
      }),
    ).rejects.toMatchObject({ code: PgErrorCode.queryCanceled });
    requestSignal = undefined;
    expect((await admin.query("SELECT count(*)::int AS n FROM notes WHERE body LIKE 'cancelled%'")).rows[0].n).toBe(0);
  });

  it('starts nothing for a request that has already ended, and waits for no connection once it ends', async () => {
    const queries = pool({ max: 1, statementTimeoutMs: 0, requestSignal: () => requestSignal });
    const ended = new AbortController();
    ended.abort();
    requestSignal = ended.signal;
    await expect(queries.query('SELECT 1')).rejects.toMatchObject({ code: PgErrorCode.queryCanceled });
    await expect(withTransaction(queries, (tx) => tx.query('SELECT 1'))).rejects.toMatchObject({ code: PgErrorCode.queryCanceled });
    expect(queries.totalCount).toBe(0);

    requestSignal = undefined;
    const holder = queries.query('SELECT pg_sleep(0.5)');
    requestEndingIn(100);
    const waiting = queries.query('SELECT 1');
    requestSignal = undefined;
    await expect(waiting).rejects.toMatchObject({ code: PgErrorCode.queryCanceled });
    await holder;
  });

  it('leaves work outside any request alone', async () => {
    requestSignal = undefined;
    expect((await limited().query('SELECT pg_sleep(0.2), 1 AS one')).rows[0].one).toBe(1);
  });

  it('is answered as the store being unavailable by the repositories', async () => {
    const queries = limited();
    requestEndingIn(100);
    const unavailable = new Error('store unavailable');
    await expect(mapConnectionErrors(() => queries.query('SELECT pg_sleep(30)'), () => unavailable)).rejects.toBe(unavailable);
    requestSignal = undefined;
  });
});
