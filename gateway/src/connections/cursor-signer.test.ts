import { describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import { encodeCursor, encodeScoreTimeIdCursor, encodeTimeIdCursor } from '@shop/pagination';
import { ACCOUNTS, ordersOf, PRODUCTS, productSearch } from './cursor-lists.js';
import { CursorSigner } from './cursor-signer.js';

const cursors = new CursorSigner('a cursor secret of at least 32 characters');
const listToken = encodeTimeIdCursor({ createdAt: new Date('2026-03-01T12:00:00.000Z'), id: newId() });
const searchToken = encodeScoreTimeIdCursor({ score: '0.6079271', createdAt: new Date('2026-03-01T12:00:00.000Z'), id: newId() });
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const refusal = { field: 'after', code: 'GATEWAY.INVALID_CURSOR', kind: 'INVALID_ARGUMENT' };

describe('signed cursors', () => {
  it('read back the position they were signed with, in their own list', () => {
    const account = newId();
    for (const [list, position] of [
      [ACCOUNTS, { pageToken: listToken, skip: 0 }],
      [PRODUCTS, { pageToken: '', skip: 3 }],
      [productSearch('kettle'), { pageToken: searchToken, skip: 100 }],
      [ordersOf(account), { pageToken: listToken, skip: 7 }],
    ] as const) {
      expect(cursors.read(list, cursors.sign(list, position))).toEqual(position);
    }
    expect(cursors.read(ACCOUNTS, null)).toEqual({ pageToken: '', skip: 0 });
    expect(cursors.read(ACCOUNTS, '')).toEqual({ pageToken: '', skip: 0 });
  });

  it('stay short: a service token, a count and 22 characters of signature', () => {
    const cursor = cursors.sign(productSearch('kettle'), { pageToken: searchToken, skip: 0 });
    process.stdout.write(`search cursor: ${cursor.length} characters; list edge cursor: ${cursors.sign(PRODUCTS, { pageToken: '', skip: 5 }).length}\n`);
    expect(cursor.length).toBeLessThan(searchToken.length + 30);
  });

  it('are refused in another list: other accounts’ orders, another search text, the list instead of a search', () => {
    const [mine, theirs] = [newId(), newId()];
    const ordersCursor = cursors.sign(ordersOf(mine), { pageToken: listToken, skip: 0 });
    expect(() => cursors.read(ordersOf(theirs), ordersCursor)).toThrow(expect.objectContaining(refusal));
    expect(() => cursors.read(ACCOUNTS, ordersCursor)).toThrow(expect.objectContaining(refusal));
    const searchCursor = cursors.sign(productSearch('kettle'), { pageToken: searchToken, skip: 0 });
    expect(() => cursors.read(productSearch('kettles'), searchCursor)).toThrow(expect.objectContaining(refusal));
    expect(() => cursors.read(productSearch('Kettle'), searchCursor)).toThrow(expect.objectContaining(refusal));
    expect(() => cursors.read(PRODUCTS, cursors.sign(productSearch('kettle'), { pageToken: '', skip: 2 }))).toThrow(expect.objectContaining(refusal));
  });

  it('are refused when modified anywhere, or signed with another key', () => {
    const cursor = cursors.sign(ACCOUNTS, { pageToken: listToken, skip: 4 });
    const [token, skip, mac] = cursor.split('.') as [string, string, string];
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    for (const forged of [
      `${flip(token, 5)}.${skip}.${mac}`,
      `${token}.5.${mac}`,
      `${token}.${skip}.${flip(mac, 0)}`,
      `${token}.${skip}.${flip(mac, 21)}`,
      // The last character holds 2 bits and 4 spare ones: another spelling of the same bytes is refused too.
      `${token}.${skip}.${mac.slice(0, 21)}${BASE64URL[BASE64URL.indexOf(mac[21]!) ^ 1]}`,
      `.${skip}.${mac}`,
      new CursorSigner('another secret of at least 32 characters').sign(ACCOUNTS, { pageToken: listToken, skip: 4 }),
    ]) {
      expect(() => cursors.read(ACCOUNTS, forged)).toThrow(expect.objectContaining(refusal));
    }
  });

  it.each(['garbage', listToken, 'a.b.c', `${listToken}.1`, `${listToken}.01.${'A'.repeat(22)}`, `${listToken}.101.${'A'.repeat(22)}`, 'x'.repeat(5_000), '..'])(
    'refuse %p as not a cursor',
    (after) => {
      expect(() => cursors.read(ACCOUNTS, after)).toThrow(expect.objectContaining(refusal));
    },
  );

  it('refuse a correctly signed cursor whose values are out of range (a leaked key cannot reach the stores)', () => {
    const id = newId();
    for (const [list, token] of [
      [ACCOUNTS, encodeCursor(['0001-01-01T00:00:00.000Z', id])],
      [ACCOUNTS, encodeCursor([new Date(8.64e15).toISOString(), id])],
      [ordersOf(id), encodeCursor([new Date().toISOString(), 'not-a-uuid'])],
      [productSearch('kettle'), encodeCursor(['NaN', new Date().toISOString(), id])],
      [productSearch('kettle'), encodeCursor(['1e39', new Date().toISOString(), id])],
      [productSearch('kettle'), listToken],
      [PRODUCTS, searchToken],
    ] as const) {
      expect(() => cursors.read(list, cursors.sign(list, { pageToken: token, skip: 0 }))).toThrow(expect.objectContaining({ ...refusal, message: 'after holds values out of range' }));
    }
  });
});
