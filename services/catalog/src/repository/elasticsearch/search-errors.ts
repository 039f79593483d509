import { SearchUnavailableError } from '../../domain/product-errors.js';

/** The error type of an Elasticsearch index that does not exist (our alias not created yet). */
export const INDEX_NOT_FOUND = 'index_not_found_exception';

/**
 * True when Elasticsearch failed as infrastructure, not over the request: no connection, a timeout, an overloaded
 * or failing node (429, 5xx), or the index not there (yet). Such failures make search fall back and projection retry.
 */
export function isSearchOutage(error: unknown): boolean {
  if (error instanceof Error && OUTAGE_ERRORS.has(error.name)) return true;
  const response = asResponseError(error);
  if (!response) return false;
  const status = response.statusCode ?? 0;
  return status === 429 || status >= 500 || errorType(error) === INDEX_NOT_FOUND;
}

// The client's error classes, by name: `instanceof` fails when two copies of the client are loaded (a test
// runner's module registry, a bundler, a library with its own copy), a name does not.
const OUTAGE_ERRORS = new Set(['ConnectionError', 'TimeoutError', 'NoLivingConnectionsError', 'RequestAbortedError', 'ProductNotSupportedError']);

/** The client's ResponseError (Elasticsearch answered with an error status), recognised by name; undefined for any other error. */
function asResponseError(error: unknown): (Error & { statusCode?: number; body?: unknown }) | undefined {
  return error instanceof Error && error.name === 'ResponseError' ? error : undefined;
}

/** The HTTP status of an Elasticsearch error response, 0 for any other error. */
export function statusOf(error: unknown): number {
  return asResponseError(error)?.statusCode ?? 0;
}

/** The `error.type` of an Elasticsearch error response ("version_conflict_engine_exception"), if it has one. */
export function errorType(error: unknown): string | undefined {
  const body = asResponseError(error)?.body as { error?: { type?: string } } | null | undefined;
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
