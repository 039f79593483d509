import { emptyConnection, toConnection, type Connection, type ServicePage } from './connection.js';
import type { CursorList } from './cursor-lists.js';
import type { CursorSigner, PagePosition } from './cursor-signer.js';

/**
 * What a client asked of one connection, already checked: `first`, and where to start, read from its `after` by
 * CursorSigner.read for `list` (so a bad cursor is refused before any call, for this connection alone).
 */
export interface ConnectionRequest {
  first: number;
  start: PagePosition;
  list: CursorList;
}

/** One page call as service clients take it; `pageToken` undefined is the first page. */
export interface PageRequest {
  pageSize: number;
  pageToken: string | undefined;
}

/** A page call and the connection request it serves (for the account id of a batch, say). */
export type PageCall<R> = PageRequest & { request: R };

/**
 * Answers several connection requests with at most two batched page calls: one that skips to the items after
 * edge cursors (only when some start has a skip), then one for the pages themselves. `fetchPages` answers one page
 * per call, in order; batch loaders pass one service call, single queries a single request. Cursors are signed
 * with `cursors` for each request's list.
 */
export async function fetchConnections<T, R extends ConnectionRequest>(
  requests: readonly R[],
  cursors: CursorSigner,
  fetchPages: (calls: PageCall<R>[]) => Promise<ServicePage<T>[]>,
): Promise<Connection<T>[]> {
  // The token each page is read from; null when skipping ran past the end, so there is nothing to read.
  const starts: (string | null)[] = requests.map((request) => request.start.pageToken);

  const skipping = requests.flatMap((request, index) => (request.start.skip > 0 ? [index] : []));
  if (skipping.length > 0) {
    const skipped = await fetchPages(skipping.map((index) => pageCall(requests[index]!, requests[index]!.start.pageToken, requests[index]!.start.skip)));
    skipping.forEach((index, k) => {
      starts[index] = skipped[k]?.nextPageToken ?? null;
    });
  }

  const reading = requests.flatMap((_, index) => (starts[index] === null ? [] : [index]));
  const pages = reading.length > 0 ? await fetchPages(reading.map((index) => pageCall(requests[index]!, starts[index]!, requests[index]!.first))) : [];
  const connections = requests.map(() => emptyConnection<T>());
  reading.forEach((index, k) => {
    const page = pages[k];
    if (!page) throw new Error(`expected ${reading.length} pages from the service, got ${pages.length}`);
    connections[index] = toConnection(page, starts[index]!, requests[index]!.list, cursors);
  });
  return connections;
}

/** One connection request answered by single page calls. */
export async function fetchConnection<T>(request: ConnectionRequest, cursors: CursorSigner, fetchPage: (page: PageRequest) => Promise<ServicePage<T>>): Promise<Connection<T>> {
  const [connection] = await fetchConnections([request], cursors, (calls) => Promise.all(calls.map(({ pageSize, pageToken }) => fetchPage({ pageSize, pageToken }))));
  return connection!;
}

function pageCall<R>(request: R, pageToken: string, pageSize: number): PageCall<R> {
  return { request, pageSize, pageToken: pageToken === '' ? undefined : pageToken };
}
