import pg from 'pg';

export type { Pool, PoolClient, QueryResultRow } from 'pg';

/**
 * Creates the pool a service uses for its own database. BIGINT columns arrive as strings (pg's default), which
 * repositories turn into bigint: money must stay exact.
 *
 * An idle connection that the server drops (a restart, a failover) makes the pool emit 'error'; unhandled,
 * that would crash the process, so it goes to `onError` and the pool replaces the connection on next use.
 */
export function createPool(
  connectionString: string,
  options: { max?: number; applicationName?: string; onError?: (error: Error) => void } = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', options.onError ?? ((error) => console.error(`postgres pool: idle connection lost: ${error.message}`)));
  return pool;
}
