import pg from 'pg';
import { cancelStatementsOfEndedRequests } from './client-lease.js';
import { StatementCanceller, type RequestSignal } from './statement-canceller.js';

export type { Pool, PoolClient, QueryResultRow } from 'pg';

/** statement_timeout when a pool is given none: long enough for any query the shop makes, short enough to free a stuck connection. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;

/** How a pool is made; every field has a default. */
export interface PoolOptions {
  max?: number;
  applicationName?: string;
  onError?: (error: Error) => void;
  /**
   * Postgres cancels any statement of this pool that runs longer (statement_timeout, reads and writes alike);
   * default DEFAULT_STATEMENT_TIMEOUT_MS, 0 for the server's own setting.
   */
  statementTimeoutMs?: number;
  /**
   * The signal of the request the calling code serves (the gRPC call, from grpc-kit's currentCallSignal). When
   * given, a query or transaction started for a request is not started once that request has ended, and its
   * running statement is cancelled when the request ends (its call cancelled, its deadline passed).
   */
  requestSignal?: RequestSignal;
}

/**
 * Creates the pool a service uses for its own database. BIGINT columns arrive as strings (pg's default), which
 * repositories turn into bigint: money must stay exact.
 *
 * An idle connection that the server drops (a restart, a failover) makes the pool emit 'error'; unhandled,
 * that would crash the process, so it goes to `onError` and the pool replaces the connection on next use.
 */
export function createPool(connectionString: string, options: PoolOptions = {}): pg.Pool {
  const onError = options.onError ?? ((error: Error) => console.error(`postgres pool: idle connection lost: ${error.message}`));
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
  });
  pool.on('error', onError);
  if (options.requestSignal) {
    const cancelFailed = (error: Error) => onError(new Error(`cancelling the statement of an ended request failed: ${error.message}`, { cause: error }));
    cancelStatementsOfEndedRequests(pool, new StatementCanceller(connectionString, options.requestSignal, cancelFailed, options.applicationName));
  }
  return pool;
}
