import type { Pool, PoolClient } from 'pg';

/** A connection inside an open transaction; repositories take it so a use case's writes commit together. */
export type Tx = PoolClient;

/**
 * Runs `work` in one transaction: COMMIT when it resolves, ROLLBACK when it throws (and rethrows).
 * The connection goes back to the pool either way; a connection that broke is destroyed, not reused.
 *
 * pg emits 'error' on a connection that drops (a Postgres restart, a network cut) even in the middle of a query,
 * and the pool listens only on idle connections: unhandled, that would crash the process. So the connection is
 * listened to while it is checked out; the loss surfaces as the failing query's error.
 */
export async function withTransaction<T>(pool: Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const lost = (error: Error) => {
    broken = error;
  };
  client.on('error', lost);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}
