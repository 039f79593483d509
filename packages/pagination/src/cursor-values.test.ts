import { describe, expect, it } from '@jest/globals';
import { encodeCursor } from './cursor.js';
import { decodeScoreTimeIdCursor, encodeScoreTimeIdCursor } from './score-time-id-cursor.js';
import { decodeTimeIdCursor, encodeTimeIdCursor } from './time-id-cursor.js';

const ID = '0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f';
const NOW = '2026-01-02T03:04:05.678Z';
const refusal = { field: 'page_token', code: 'X.INVALID_PAGE_TOKEN', kind: 'INVALID_ARGUMENT', message: 'page_token is not a valid page token' };
const timeId = (token: string) => decodeTimeIdCursor(token, 'page_token', 'X.INVALID_PAGE_TOKEN');
const scoreTimeId = (token: string) => decodeScoreTimeIdCursor(token, 'page_token', 'X.INVALID_PAGE_TOKEN');

describe('time and id page tokens', () => {
  it('read back what they wrote, the id lower-cased', () => {
    const key = { createdAt: new Date(NOW), id: ID };
    expect(timeId(encodeTimeIdCursor(key))).toEqual(key);
    expect(timeId(encodeCursor([NOW, ID.toUpperCase()]))).toEqual(key);
    expect(timeId(encodeCursor(['1970-01-01T00:00:00.000Z', ID]))?.createdAt).toEqual(new Date(0));
    expect(timeId(encodeCursor(['9999-12-31T23:59:59.999Z', ID]))?.createdAt.getUTCFullYear()).toBe(9999);
  });

  it.each([
    ['garbage', 'garbage'],
    ['one part', encodeCursor([NOW])],
    ['a number for a part', Buffer.from(JSON.stringify([1, ID])).toString('base64url')],
    ['year 1', encodeCursor(['0001-01-01T00:00:00.000Z', ID])],
    ['the year before the epoch', encodeCursor(['1969-12-31T23:59:59.999Z', ID])],
    ['year 275760', encodeCursor([new Date(8.64e15).toISOString(), ID])],
    ['year 10000', encodeCursor(['+010000-01-01T00:00:00.000Z', ID])],
    ['a date without a time', encodeCursor(['2026-01-02', ID])],
    ['a time with an offset', encodeCursor(['2026-01-02T03:04:05+02:00', ID])],
    ['words', encodeCursor(['yesterday', ID])],
    ['a wrong id', encodeCursor([NOW, 'not-a-uuid'])],
    ['SQL in the id', encodeCursor([NOW, "1' OR '1'='1"])],
    ['a huge token', encodeCursor([NOW, 'x'.repeat(10_000)])],
  ])('refuse %s as the page token on its field', (_case, token) => {
    expect(() => timeId(token)).toThrow(expect.objectContaining(refusal));
  });
});

describe('score, time and id page tokens', () => {
  it('read back the score exactly as written', () => {
    for (const score of ['0', '0.6079271', '6.07927e-05', '1e-30', '1e30', '12']) {
      const key = { score, createdAt: new Date(NOW), id: ID };
      expect(scoreTimeId(encodeScoreTimeIdCursor(key))).toEqual(key);
    }
  });

  it.each(['NaN', 'Infinity', '1e999', '-1', '1e31', '1e-31', '1e-50', '0x10', ' 1', '1'.repeat(40), ''])('refuse the score %p', (score) => {
    expect(() => scoreTimeId(encodeCursor([score, NOW, ID]))).toThrow(expect.objectContaining(refusal));
  });

  it('refuse a time or id out of range, and a list token', () => {
    expect(() => scoreTimeId(encodeCursor(['1', '0001-01-01T00:00:00.000Z', ID]))).toThrow(expect.objectContaining(refusal));
    expect(() => scoreTimeId(encodeCursor(['1', NOW, 'nope']))).toThrow(expect.objectContaining(refusal));
    expect(() => scoreTimeId(encodeTimeIdCursor({ createdAt: new Date(NOW), id: ID }))).toThrow(expect.objectContaining(refusal));
  });

  it('mean the first page when empty', () => {
    expect(scoreTimeId('')).toBeUndefined();
    expect(timeId('')).toBeUndefined();
  });
});
