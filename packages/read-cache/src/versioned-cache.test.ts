import { describe, expect, it } from '@jest/globals';
import { VersionedCache } from './versioned-cache.js';

interface Item {
  id: string;
  text: string;
}

const item = (id: string, text = 'x'): Item => ({ id, text });
const cacheOf = (maxEntries = 100, maxBytes = 1_000_000) => new VersionedCache<Item>({ maxEntries, maxBytes }, (value) => 2 * value.text.length + 100);

describe('a versioned cache', () => {
  it('answers a filled record from memory, the same object, and counts hits and misses', () => {
    const cache = cacheOf();
    expect(cache.get('a')).toBeUndefined();
    const a = item('a');
    cache.fill('a', a, 1, cache.ticket());
    expect(cache.get('a')).toBe(a);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it('forgets a record on invalidation, and takes the next read', () => {
    const cache = cacheOf();
    cache.fill('a', item('a', 'old'), 1, cache.ticket());
    cache.invalidate('a');
    expect(cache.get('a')).toBeUndefined();
    cache.fill('a', item('a', 'new'), 2, cache.ticket());
    expect(cache.get('a')?.text).toBe('new');
  });

  it('refuses to fill data older than a change it has seen (the version check)', () => {
    const cache = cacheOf();
    cache.invalidate('a', 5);
    // A replica read version 4 before the change to 5 reached it.
    cache.fill('a', item('a', 'version 4'), 4, { generation: Number.MAX_SAFE_INTEGER });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.stats().staleFillsRefused).toBe(1);
    cache.fill('a', item('a', 'version 5'), 5, cache.ticket());
    expect(cache.get('a')?.text).toBe('version 5');
    // An older value cannot replace a newer one either.
    cache.fill('a', item('a', 'version 3'), 3, cache.ticket());
    expect(cache.get('a')?.text).toBe('version 5');
  });

  it('refuses the fill of a read that started before the record was invalidated, whatever its version says', () => {
    const cache = cacheOf();
    const ticket = cache.ticket();
    // The read is in flight; this process commits a change (version unknown here) and invalidates.
    cache.invalidate('a');
    cache.fill('a', item('a', 'read before the commit'), 1, ticket);
    expect(cache.get('a')).toBeUndefined();
  });

  it('fills a read that started before an event when it read that version or newer, and refuses it when older', () => {
    const cache = cacheOf();
    const ticket = cache.ticket();
    // The read is in flight when another replica's change to version 2 is heard.
    cache.invalidate('a', 2);
    cache.fill('a', item('a', 'version 1, read before the change'), 1, ticket);
    expect(cache.get('a')).toBeUndefined();
    cache.fill('a', item('a', 'version 2'), 2, ticket);
    expect(cache.get('a')?.text).toBe('version 2');
  });

  it('still refuses a read that started before its own commit when an event of an older version came after it', () => {
    const cache = cacheOf();
    cache.fill('a', item('a', 'version 1'), 1, cache.ticket());
    const ticket = cache.ticket();
    cache.invalidate('a'); // this process commits version 3; its read of version 2 may still be in flight
    cache.invalidate('a', 2); // another replica's version 2 is heard
    cache.fill('a', item('a', 'version 2, read before the commit'), 2, ticket);
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps a value at least as new as an event that arrives after it (a process hearing its own commit)', () => {
    const cache = cacheOf();
    cache.fill('a', item('a', 'version 3'), 3, cache.ticket());
    cache.invalidate('a', 3);
    cache.invalidate('a', 2);
    expect(cache.get('a')?.text).toBe('version 3');
    cache.invalidate('a', 4);
    expect(cache.get('a')).toBeUndefined();
  });

  it('flushes everything, and refuses the fills of reads that were in flight during the flush', () => {
    const cache = cacheOf();
    cache.fill('a', item('a'), 1, cache.ticket());
    const inFlight = cache.ticket();
    cache.flush();
    expect(cache.get('a')).toBeUndefined();
    cache.fill('b', item('b'), 1, inFlight);
    expect(cache.get('b')).toBeUndefined();
    cache.fill('b', item('b'), 1, cache.ticket());
    expect(cache.get('b')).toBeDefined();
  });

  it('keeps at most maxEntries records, evicting the least recently used', () => {
    const cache = cacheOf(2);
    cache.fill('a', item('a'), 1, cache.ticket());
    cache.fill('b', item('b'), 1, cache.ticket());
    cache.get('a');
    cache.fill('c', item('c'), 1, cache.ticket());
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((found) => found?.id)).toEqual(['a', undefined, 'c']);
    expect(cache.stats().entries).toBe(2);
  });

  it('keeps at most maxBytes (estimated), evicting the least recently used', () => {
    // Each item of 50 characters is 200 bytes by this estimate.
    const cache = cacheOf(100, 500);
    for (const id of ['a', 'b', 'c']) cache.fill(id, item(id, 'y'.repeat(50)), 1, cache.ticket());
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 400 });
    expect(cache.get('a')).toBeUndefined();
  });

  it('still refuses a late fill after the tombstone that guarded it was evicted', () => {
    const cache = cacheOf(1);
    const ticket = cache.ticket();
    cache.invalidate('a');
    cache.fill('b', item('b'), 1, cache.ticket()); // evicts a's tombstone
    cache.fill('a', item('a', 'read before the change'), 1, ticket);
    expect(cache.get('a')).toBeUndefined();
  });

  it('serves nothing and keeps nothing while not live, and starts empty when live again', () => {
    const cache = cacheOf();
    cache.fill('a', item('a'), 1, cache.ticket());
    cache.setLive(false);
    expect(cache.get('a')).toBeUndefined();
    cache.fill('b', item('b'), 1, cache.ticket());
    cache.setLive(true);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
  });

  it('is off with a zero bound: every read passes through', () => {
    const cache = cacheOf(0);
    cache.fill('a', item('a'), 1, cache.ticket());
    expect(cache.get('a')).toBeUndefined();
    expect(() => cacheOf(-1)).toThrow(/bounds/);
  });
});
