import { describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import { encodeCursor, encodeTimeIdCursor } from '@shop/pagination';
import { decodeSearchCursor } from './search-cursor.js';

const decode = (token: string) => decodeSearchCursor(token, 'page_token', 'CATALOG.INVALID_PAGE_TOKEN');

describe('search page tokens', () => {
  it('read back the score exactly as written, exponent included', () => {
    const id = newId();
    for (const score of ['0.6079271', '1.4', '6.07927e-05', '1e-20', '2']) {
      expect(decode(encodeCursor([score, '2026-01-02T03:04:05.678Z', id]))).toEqual({ score, createdAt: new Date('2026-01-02T03:04:05.678Z'), id });
    }
  });

  it('mean the first page when empty', () => {
    expect(decode('')).toBeUndefined();
  });

  it.each([
    ['garbage', 'garbage'],
    ['a list token', encodeTimeIdCursor({ createdAt: new Date(), id: newId() })],
    ['a score that is no number', encodeCursor(['NaN', new Date().toISOString(), newId()])],
    ['a score with SQL in it', encodeCursor(["1'; DROP TABLE products; --", new Date().toISOString(), newId()])],
    ['a negative score', encodeCursor(['-1', new Date().toISOString(), newId()])],
    ['an infinite score', encodeCursor(['1e999', new Date().toISOString(), newId()])],
    ['a bad date', encodeCursor(['0.5', 'yesterday', newId()])],
    ['a bad id', encodeCursor(['0.5', new Date().toISOString(), 'nope'])],
  ])('refuse %s as INVALID_PAGE_TOKEN on page_token', (_case, token) => {
    expect(() => decode(token)).toThrow(expect.objectContaining({ field: 'page_token', code: 'CATALOG.INVALID_PAGE_TOKEN', kind: 'INVALID_ARGUMENT' }));
  });
});
