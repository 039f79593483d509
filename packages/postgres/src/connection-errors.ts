import { isConnectionError } from './pg-errors.js';

/**
 * Runs `work`, turning a lost or refused database connection into the error `unavailable()` makes (a domain
 * UNAVAILABLE error), so clients are told to retry instead of getting INTERNAL. Other errors pass through.
 */
export async function mapConnectionErrors<T>(work: () => Promise<T>, unavailable: () => Error): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isConnectionError(error)) throw unavailable();
    throw error;
  }
}
