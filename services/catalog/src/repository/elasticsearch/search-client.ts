import { Client, type BaseConnection } from '@elastic/elasticsearch';

/**
 * The Elasticsearch client of the catalog: a short request timeout and a single retry, because a slow or dead
 * engine is answered by falling back to Postgres, not by waiting. `connection` lets tests use a mock transport.
 */
export function createSearchClient(url: string, connection?: typeof BaseConnection): Client {
  return new Client({ node: url, requestTimeout: 10_000, maxRetries: 1, ...(connection ? { Connection: connection } : {}) });
}
