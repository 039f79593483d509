import type { CursorList } from './cursor-lists.js';
import type { CursorSigner, PagePosition } from './cursor-signer.js';

/** One page as a service client answers it, whatever the item type. */
export interface ServicePage<T> {
  items: T[];
  /** The token that continues after the last item; undefined on the last page. */
  nextPageToken: string | undefined;
}

/** A Relay-style connection as the schema's *Connection types want it. */
export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Builds a connection from a service page read from `pageToken`, every cursor signed for `list`. The last edge's
 * cursor continues from the service's next-page token when there is one; other edges are "the n-th item after
 * `pageToken`". endCursor is the last edge's cursor, null for an empty page.
 */
export function toConnection<T>(page: ServicePage<T>, pageToken: string, list: CursorList, cursors: CursorSigner): Connection<T> {
  const lastIndex = page.items.length - 1;
  const positionOf = (index: number): PagePosition =>
    index === lastIndex && page.nextPageToken !== undefined ? { pageToken: page.nextPageToken, skip: 0 } : { pageToken, skip: index + 1 };
  const edges = page.items.map((node, index) => ({ node, cursor: cursors.sign(list, positionOf(index)) }));
  return { edges, pageInfo: { hasNextPage: page.nextPageToken !== undefined, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** The connection of a page with nothing on it. */
export function emptyConnection<T>(): Connection<T> {
  return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
}
