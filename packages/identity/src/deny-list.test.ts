import { describe, expect, it } from '@jest/globals';
import { DenyList } from './deny-list.js';

describe('DenyList', () => {
  it('refuses tokens issued before the mark, and forgets the entry after one token lifetime', () => {
    let now = 1_000_000;
    const list = new DenyList(() => now, 900_000);
    list.add({ accountId: 'a', notBefore: 1_000, at: now });
    expect(list.isRevoked('a', 999)).toBe(true);
    expect(list.isRevoked('a', 1_000)).toBe(false);
    expect(list.isRevoked('b', 0)).toBe(false);
    now += 900_001;
    expect(list.isRevoked('a', 999)).toBe(false);
    expect(list.size).toBe(0);
  });

  it('keeps the latest mark when revocations arrive out of order or twice', () => {
    const list = new DenyList(() => 0, 900_000);
    list.add({ accountId: 'a', notBefore: 20, at: 0 });
    list.add({ accountId: 'a', notBefore: 10, at: 0 });
    list.add({ accountId: 'a', notBefore: 20, at: 0 });
    expect(list.isRevoked('a', 15)).toBe(true);
    expect(list.isRevoked('a', 20)).toBe(false);
  });

  it('refuses every token of a deleted account', () => {
    const list = new DenyList(() => 0, 900_000);
    list.add({ accountId: 'a', notBefore: Number.POSITIVE_INFINITY, at: 0 });
    expect(list.isRevoked('a', 2 ** 40)).toBe(true);
  });

  it('ignores a revocation older than one token lifetime (replayed from the stream)', () => {
    const list = new DenyList(() => 2_000_000, 900_000);
    list.add({ accountId: 'a', notBefore: 1, at: 1_000_000 });
    expect(list.size).toBe(0);
  });
});
