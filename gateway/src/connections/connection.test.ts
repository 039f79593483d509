import { describe, expect, it } from '@jest/globals';
import { toConnection, type Connection } from './connection.js';
import type { CursorList } from './cursor-lists.js';
import { CursorSigner } from './cursor-signer.js';
import { fetchConnection, fetchConnections, type ConnectionRequest, type PageCall } from './fetch-connections.js';

// A keyset-paginated list of the letters a..j, as a service would serve it: the token is the last letter read.
const letters = 'abcdefghij'.split('');
const LETTERS: CursorList = { name: 'letters', description: 'letters', isPageToken: (token) => letters.includes(token) };
const cursors = CursorSigner.withRandomKey();

function servePage(pageToken: string | undefined, pageSize: number) {
  const start = pageToken === undefined ? 0 : letters.indexOf(pageToken) + 1;
  const items = letters.slice(start, start + pageSize);
  return { items, nextPageToken: start + pageSize < letters.length ? items.at(-1) : undefined };
}

const request = (first: number, after: string | null): ConnectionRequest => ({ first, start: cursors.read(LETTERS, after), list: LETTERS });
const fetchLetters = (first: number, after: string | null) =>
  fetchConnection(request(first, after), cursors, async ({ pageToken, pageSize }) => servePage(pageToken, pageSize));

describe('toConnection', () => {
  it('signs every cursor: the last edge continues from the service’s next-page token, the others count from the start', () => {
    const connection = toConnection({ items: ['a', 'b', 'c'], nextPageToken: 'c' }, '', LETTERS, cursors);
    expect(connection.edges.map((edge) => edge.node)).toEqual(['a', 'b', 'c']);
    expect(connection.edges.map((edge) => cursors.read(LETTERS, edge.cursor))).toEqual([
      { pageToken: '', skip: 1 },
      { pageToken: '', skip: 2 },
      { pageToken: 'c', skip: 0 },
    ]);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: connection.edges[2]!.cursor });
  });

  it('on the last page the end cursor counts from the start too; an empty page has none', () => {
    const last = toConnection({ items: ['i', 'j'], nextPageToken: undefined }, 'h', LETTERS, cursors);
    expect(cursors.read(LETTERS, last.pageInfo.endCursor)).toEqual({ pageToken: 'h', skip: 2 });
    expect(toConnection({ items: [], nextPageToken: undefined }, '', LETTERS, cursors).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe('fetchConnection', () => {
  it('pages through with endCursor, never repeating or skipping', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const connection: Connection<string> = await fetchLetters(3, after);
      seen.push(...connection.edges.map((edge) => edge.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(letters);
  });

  it('resumes after any edge, not only the last', async () => {
    const first = await fetchLetters(4, null);
    expect((await fetchLetters(3, first.edges[1]!.cursor)).edges.map((edge) => edge.node)).toEqual(['c', 'd', 'e']);
    const last = await fetchLetters(5, (await fetchLetters(5, null)).pageInfo.endCursor);
    expect(last.edges.map((edge) => edge.node)).toEqual(['f', 'g', 'h', 'i', 'j']);
    expect(await fetchLetters(5, last.pageInfo.endCursor)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

describe('fetchConnections', () => {
  it('answers many requests with one batch call, two when some start inside a page', async () => {
    const batches: PageCall<ConnectionRequest>[][] = [];
    const fetchPages = async (calls: PageCall<ConnectionRequest>[]) => {
      batches.push(calls);
      return calls.map((call) => servePage(call.pageToken, call.pageSize));
    };
    const afterD = (await fetchLetters(4, null)).pageInfo.endCursor;
    const plain = await fetchConnections([request(2, null), request(2, afterD)], cursors, fetchPages);
    expect(plain.map((connection) => connection.edges.map((edge) => edge.node))).toEqual([['a', 'b'], ['e', 'f']]);
    expect(batches).toHaveLength(1);

    batches.length = 0;
    const afterA = (await fetchLetters(3, null)).edges[0]!.cursor;
    const afterH = (await fetchLetters(8, null)).pageInfo.endCursor;
    const mixed = await fetchConnections([request(2, afterA), request(2, afterH)], cursors, fetchPages);
    expect(mixed.map((connection) => connection.edges.map((edge) => edge.node))).toEqual([['b', 'c'], ['i', 'j']]);
    expect(batches.map((calls) => calls.length)).toEqual([1, 2]);
  });
});
