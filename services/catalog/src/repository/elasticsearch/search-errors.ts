import { errors } from '@elastic/elasticsearch';
import { SearchUnavailableError } from '../../domain/product-errors.js';

/** The error type of an Elasticsearch index that does not exist (our alias not created yet). */
export const INDEX_NOT_FOUND = 'index_not_found_exception';

/**
 * True when Elasticsearch failed as infrastructure, not over the request: no connection, a timeout, an overloaded
 * or failing node (429, 5xx), or the index not there (yet). Such failures make search fall back and projection retry.
 */
export function isSearchOutage(error: unknown): boolean {
  if (
    error instanceof errors.ConnectionError ||
    error instanceof errors.TimeoutError ||
    error instanceof errors.NoLivingConnectionsError ||
    error instanceof errors.RequestAbortedError ||
    error instanceof errors.ProductNotSupportedError
  ) {
    return true;
  }
  if (error instanceof errors.ResponseError) {
    const status = error.statusCode ?? 0;
    return status === 429 || status >= 500 || errorType(error) === INDEX_NOT_FOUND;
  }
  return false;
}

/** The `error.type` of an Elasticsearch error response ("version_conflict_engine_exception"), if it has one. */
export function errorType(error: unknown): string | undefined {
  if (!(error instanceof errors.ResponseError)) return undefined;
  const body = error.body as { error?: { type?: string } } | undefined;
  return body?.error?.type;
}

/** Runs an Elasticsearch request, turning an outage into the domain's SearchUnavailableError; other errors pass through. */
export async function runOnSearch<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isSearchOutage(error)) throw new SearchUnavailableError(error instanceof Error ? error.message : String(error));
    throw error;
  }
}
