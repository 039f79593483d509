import { describe, expect, it } from '@jest/globals';
import { LatestValueIterator } from './latest-value-iterator.js';

describe('LatestValueIterator', () => {
  it('hands a waiting reader the value pushed, and keeps only the latest for a reader that is not waiting', async () => {
    const iterator = new LatestValueIterator<number>(() => undefined);
    const waiting = iterator.next();
    iterator.push(1);
    expect(await waiting).toEqual({ value: 1, done: false });
    iterator.push(2);
    iterator.push(3);
    expect(await iterator.next()).toEqual({ value: 3, done: false });
  });

  it('ends a waiting next() at once on return(), and runs onClose once', async () => {
    let closed = 0;
    const iterator = new LatestValueIterator<number>(() => (closed += 1));
    const waiting = iterator.next();
    expect(await iterator.return()).toEqual({ value: undefined, done: true });
    expect(await waiting).toEqual({ value: undefined, done: true });
    await iterator.return();
    iterator.push(4);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
    expect(iterator.open).toBe(false);
  });

  it('gives the reader a value it has not taken before the failure, then the failure, and closes at once', async () => {
    let closed = 0;
    const iterator = new LatestValueIterator<number>(() => (closed += 1));
    iterator.push(5);
    iterator.fail(new Error('token revoked'));
    expect(closed).toBe(1);
    expect(await iterator.next()).toEqual({ value: 5, done: false });
    await expect(iterator.next()).rejects.toThrow('token revoked');
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('rejects a waiting next() with the failure', async () => {
    const iterator = new LatestValueIterator<number>(() => undefined);
    const waiting = iterator.next();
    iterator.fail(new Error('unavailable'));
    await expect(waiting).rejects.toThrow('unavailable');
  });
});
