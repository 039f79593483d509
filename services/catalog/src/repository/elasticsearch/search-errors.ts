import { SearchUnavailableError } from '../../domain/product-errors.js';

/** The error type of an Elasticsearch index that does not exist (our alias not created yet). */
export const INDEX_NOT_FOUND = 'index_not_found_exception';

/**
 * True when Elasticsearch failed as infrastructure, not over the request: no connection, a timeout, an overloaded
 * or failing node (429, 5xx), or the index not there (yet). Such failures make search fall back and projection retry.
 */
export function isSearchOutage(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  if (OUTAGE_ERRORS.has(name)) return true;
  if (name !== 'ResponseError') return false;
  const status = statusOf(error);
  return status === 429 || status >= 500 || errorType(error) === INDEX_NOT_FOUND;
}

// The client's error classes, by name: `instanceof` fails when two copies of the client are loaded (a test
// runner's module registry, a bundler, a library with its own copy), a name does not.
const OUTAGE_ERRORS = new Set(['ConnectionError', 'TimeoutError', 'NoLivingConnectionsError', 'RequestAbortedError', 'ProductNotSupportedError']);

/** The HTTP status of an Elasticsearch error response, 0 for any other error. */
export function statusOf(error: unknown): number {
  if (!(error instanceof Error) || error.name !== 'ResponseError') return 0;
  return (error as Error & { statusCode?: number }).statusCode ?? 0;
}

/** The `error.type` of an Elasticsearch error response ("version_conflict_engine_exception"), if it has one. */
export function errorType(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== 'ResponseError') return undefined;
  const body = (error as Error & { body?: { error?: { type?: string } } }).body;
  return typeof body === 'object' && body !== null ? body.error?.type : undefined;
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
