import type { Pool, PoolClient } from 'pg';

/** A connection inside an open transaction; repositories take it so a use case's writes commit together. */
export type Tx = PoolClient;

/**
 * Runs `work` in one transaction: COMMIT when it resolves, ROLLBACK when it throws (and rethrows).
 * The connection goes back to the pool either way; a connection whose ROLLBACK failed is destroyed.
 */
export async function withTransaction<T>(pool: Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
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
    client.release(broken);
  }
}
