import { isConnectionError, isQueryCancelled } from './pg-errors.js';

/**
 * Runs `work`, turning a lost or refused database connection, and a statement Postgres cancelled (statement_timeout,
 * or its request ended), into the error `unavailable()` makes (a domain UNAVAILABLE error), so clients are told to
 * retry instead of getting INTERNAL. Other errors pass through.
 */
export async function mapConnectionErrors<T>(work: () => Promise<T>, unavailable: () => Error): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isConnectionError(error) || isQueryCancelled(error)) throw unavailable();
    throw error;
  }
}
