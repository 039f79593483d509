import type { Pool } from './pool.js';

/**
 * Runs `work` while holding the session advisory lock `name` (hashed by Postgres into its bigint key), waiting
 * for another holder to finish first: one-at-a-time work across every instance of a service sharing a database
 * (building a search index). The lock goes with the connection if the process dies.
 *
 * Waiting for the other holder may take longer than the pool's statement_timeout, and is not a slow statement, so
 * the wait runs without one; the connection has the pool's again once the lock is held.
 */
export async function withAdvisoryLock<T>(pool: Pool, name: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    try {
      await client.query('SET statement_timeout = 0');
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [name]);
      await client.query('RESET statement_timeout');
    } catch (error) {
      // The connection may be left without a statement_timeout: it must not serve anyone else.
      broken = error as Error;
      throw error;
    }
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]).catch((error: Error) => (broken = error));
    }
  } finally {
    // A connection that could not unlock is closed rather than pooled: closing it is what releases the lock.
    client.release(broken);
  }
}
