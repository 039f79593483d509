import type { Pool, PoolClient } from 'pg';
import { withClient } from './client-lease.js';

/** A connection inside an open transaction; repositories take it so a use case's writes commit together. */
export type Tx = PoolClient;

/**
 * Runs `work` in one transaction: COMMIT when it resolves, ROLLBACK when it throws (and rethrows).
 * The connection goes back to the pool either way; a connection that broke, or whose ROLLBACK failed, is
 * destroyed, not reused.
 *
 * In a request whose call was cancelled or whose deadline passed meanwhile, the running statement is cancelled
 * (see withClient) and nothing commits: the transaction rolls back even when `work` got past the cancel, so a
 * call that has ended never commits a change after the fact.
 */
export function withTransaction<T>(pool: Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withClient(pool, async (client, lease) => {
    try {
      await client.query('BEGIN');
      const result = await work(client);
      lease.throwIfEnded();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => lease.discard(rollbackError));
      throw error;
    }
  });
}
