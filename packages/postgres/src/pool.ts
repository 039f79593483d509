import pg from 'pg';

export type { Pool, PoolClient, QueryResultRow } from 'pg';

// BIGINT (int8) arrives as a string by default; money in minor units and counts stay exact as BigInt-safe strings,
// so repositories convert them explicitly. NUMERIC likewise stays a string.

/** Creates the pool a service uses for its own database. */
export function createPool(connectionString: string, options: { max?: number; applicationName?: string } = {}): pg.Pool {
  return new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
}
