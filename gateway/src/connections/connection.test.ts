import { describe, expect, it } from '@jest/globals';
import { toConnection, type Connection } from './connection.js';
import { encodeEdgeCursor, readAfter } from './edge-cursor.js';
import { fetchConnection, fetchConnections, type PageCall } from './fetch-connections.js';

describe('toConnection', () => {
  it('gives the last edge the service’s next-page token and the others gateway cursors', () => {
    const connection = toConnection({ items: ['a', 'b', 'c'], nextPageToken: 'NEXT' }, 'START');
    expect(connection.edges.map((edge) => edge.node)).toEqual(['a', 'b', 'c']);
    expect(connection.edges.map((edge) => edge.cursor)).toEqual([encodeEdgeCursor('START', 1), encodeEdgeCursor('START', 2), 'NEXT']);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: 'NEXT' });
  });

  it('on the last page every edge has a gateway cursor and endCursor is the last of them', () => {
    const connection = toConnection({ items: ['a', 'b'], nextPageToken: undefined }, '');
    expect(connection.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeEdgeCursor('', 2) });
  });

  it('an empty page has no end cursor', () => {
    expect(toConnection({ items: [], nextPageToken: undefined }, '').pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe('readAfter', () => {
  it('reads nothing as the first page, service tokens as they are, gateway cursors as token plus skip', () => {
    expect(readAfter(undefined)).toEqual({ pageToken: '', skip: 0 });
    expect(readAfter('')).toEqual({ pageToken: '', skip: 0 });
    expect(readAfter('eyJzZXJ2aWNlIjoidG9rZW4ifQ')).toEqual({ pageToken: 'eyJzZXJ2aWNlIjoidG9rZW4ifQ', skip: 0 });
    expect(readAfter(encodeEdgeCursor('T', 3))).toEqual({ pageToken: 'T', skip: 3 });
  });

  it.each(['gw1.', 'gw1.!!!', `gw1.${Buffer.from('["T", 0]').toString('base64url')}`, `gw1.${Buffer.from('[1, 2]').toString('base64url')}`])(
    'refuses a broken gateway cursor %p naming `after`',
    (after) => {
      expect(() => readAfter(after)).toThrow(expect.objectContaining({ field: 'after', code: 'GATEWAY.INVALID_CURSOR' }));
    },
  );
});

// A keyset-paginated list of the letters a..j, as a service would serve it: the token is the last letter read.
const letters = 'abcdefghij'.split('');
function servePage(pageToken: string | undefined, pageSize: number) {
  const start = pageToken === undefined ? 0 : letters.indexOf(pageToken) + 1;
  const items = letters.slice(start, start + pageSize);
  return { items, nextPageToken: start + pageSize < letters.length ? items.at(-1) : undefined };
}

describe('fetchConnection', () => {
  it('pages through with endCursor, never repeating or skipping', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const connection: Connection<string> = await fetchConnection({ first: 3, after }, async ({ pageToken, pageSize }) => servePage(pageToken, pageSize));
      seen.push(...connection.edges.map((edge) => edge.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(letters);
  });

  it('resumes after any edge, not only the last', async () => {
    const first = await fetchConnection({ first: 4, after: null }, async ({ pageToken, pageSize }) => servePage(pageToken, pageSize));
    const afterSecond = await fetchConnection({ first: 3, after: first.edges[1]!.cursor }, async ({ pageToken, pageSize }) => servePage(pageToken, pageSize));
    expect(afterSecond.edges.map((edge) => edge.node)).toEqual(['c', 'd', 'e']);

    const last = await fetchConnection({ first: 5, after: 'e' }, async ({ pageToken, pageSize }) => servePage(pageToken, pageSize));
    const afterEnd = await fetchConnection({ first: 5, after: last.pageInfo.endCursor }, async ({ pageToken, pageSize }) => servePage(pageToken, pageSize));
    expect(afterEnd).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

describe('fetchConnections', () => {
  it('answers many requests with one batch call, two when some start inside a page', async () => {
    const batches: PageCall<{ first: number; after: string | null }>[][] = [];
    const fetchPages = async (calls: PageCall<{ first: number; after: string | null }>[]) => {
      batches.push(calls);
      return calls.map((call) => servePage(call.pageToken, call.pageSize));
    };
    const plain = await fetchConnections([{ first: 2, after: null }, { first: 2, after: 'd' }], fetchPages);
    expect(plain.map((connection) => connection.edges.map((edge) => edge.node))).toEqual([['a', 'b'], ['e', 'f']]);
    expect(batches).toHaveLength(1);

    batches.length = 0;
    const mixed = await fetchConnections([{ first: 2, after: encodeEdgeCursor('', 1) }, { first: 2, after: 'h' }], fetchPages);
    expect(mixed.map((connection) => connection.edges.map((edge) => edge.node))).toEqual([['b', 'c'], ['i', 'j']]);
    expect(batches.map((calls) => calls.length)).toEqual([1, 2]);
  });
});
