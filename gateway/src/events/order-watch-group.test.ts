import { describe, expect, it } from '@jest/globals';
import { UnauthenticatedError, UnavailableError } from '@shop/errors';
import type { OrderView } from '@shop/order/client';
import { OrderWatchGroup, type OrderReader } from './order-watch-group.js';

// The single flight of one order's watchers, with readers that stand in for the order client.

const orderIn = (status: string) => ({ id: 'o-1', status }) as unknown as OrderView;

/** The order's state as the service would answer it, and the reads made of it. */
class FakeOrder {
  status = 'CONFIRMED';
  reads: string[] = [];
  private held: Promise<void> | undefined;
  private release: () => void = () => {};

  reader(who: string, refuse: (call: number) => Error | undefined = () => undefined): OrderReader {
    let calls = 0;
    return {
      authorization: `Bearer ${who}`,
      read: async () => {
        calls += 1;
        this.reads.push(who);
        const refusal = refuse(calls);
        if (this.held) await this.held;
        if (refusal) throw refusal;
        return orderIn(this.status);
      },
    };
  }

  /** Holds every read until the returned function is called. */
  hold(): () => void {
    this.held = new Promise((resolve) => (this.release = resolve));
    return () => {
      this.held = undefined;
      this.release();
    };
  }
}

const statusOf = async (updates: AsyncIterator<OrderView>) => ((await updates.next()).value as { status: string }).status;

describe('OrderWatchGroup', () => {
  it('reads once per event for any number of watchers, and pushes that read to each', async () => {
    const order = new FakeOrder();
    const group = new OrderWatchGroup(undefined, () => undefined);
    const watchers = await Promise.all(['a', 'b', 'c', 'd', 'e'].map(async (who) => (await group.watch(order.reader(who)))!));
    order.reads = [];
    order.status = 'CANCELLED';
    group.notify();
    expect(await Promise.all(watchers.map(statusOf))).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(order.reads).toEqual(['a']);
  });

  it('covers the events that arrive during a read with one more read', async () => {
    const order = new FakeOrder();
    const group = new OrderWatchGroup(undefined, () => undefined);
    const updates = (await group.watch(order.reader('a')))!;
    order.reads = [];
    const release = order.hold();
    group.notify();
    order.status = 'CANCELLED';
    group.notify();
    group.notify();
    release();
    expect(await statusOf(updates)).toBe('CANCELLED');
    expect(order.reads).toEqual(['a', 'a']);
  });

  it('ends a watcher whose read is refused as UNAUTHENTICATED, then reads for the next one', async () => {
    const order = new FakeOrder();
    const group = new OrderWatchGroup(undefined, () => undefined);
    const revoked = (await group.watch(order.reader('revoked', (call) => (call > 1 ? new UnauthenticatedError('AUTH.TOKEN_REVOKED', 'revoked') : undefined))))!;
    const admin = (await group.watch(order.reader('admin')))!;
    order.reads = [];
    group.notify();
    await expect(revoked.next()).rejects.toThrow('revoked');
    expect(await statusOf(admin)).toBe('CONFIRMED');
    expect(order.reads).toEqual(['revoked', 'admin']);
    expect(group.size).toBe(1);
  });

  it('ends every watcher waiting for a read that fails otherwise', async () => {
    const order = new FakeOrder();
    const group = new OrderWatchGroup(undefined, () => undefined);
    const failing = (call: number) => (call > 1 ? new UnavailableError('GRPC.UNAVAILABLE', 'order service down') : undefined);
    const first = (await group.watch(order.reader('a', failing)))!;
    const second = (await group.watch(order.reader('b')))!;
    group.notify();
    await expect(first.next()).rejects.toThrow('order service down');
    await expect(second.next()).rejects.toThrow('order service down');
    expect(group.size).toBe(0);
  });

  it('ends a watcher whose token no longer checks out before any read is made for it', async () => {
    const order = new FakeOrder();
    const checkToken = async (authorization: string | undefined) => {
      if (authorization === 'Bearer expired') throw new UnauthenticatedError('AUTH.TOKEN_EXPIRED', 'expired');
    };
    const group = new OrderWatchGroup(checkToken, () => undefined);
    const expired = (await group.watch(order.reader('expired')))!;
    const admin = (await group.watch(order.reader('admin')))!;
    order.reads = [];
    group.notify();
    await expect(expired.next()).rejects.toThrow('expired');
    expect(await statusOf(admin)).toBe('CONFIRMED');
    expect(order.reads).toEqual(['admin']);
  });

  it('reads again after the existence check when an event arrived during it', async () => {
    const order = new FakeOrder();
    const group = new OrderWatchGroup(undefined, () => undefined);
    const release = order.hold();
    const watching = group.watch(order.reader('a'));
    order.status = 'CANCELLED';
    group.notify();
    release();
    const updates = (await watching)!;
    expect(await statusOf(updates)).toBe('CANCELLED');
    expect(order.reads).toEqual(['a', 'a']);
  });

  it('keeps nothing for an order the reader cannot see, and empties when the last watcher returns', async () => {
    let emptied = 0;
    const group = new OrderWatchGroup(undefined, () => (emptied += 1));
    expect(await group.watch({ authorization: undefined, read: async () => undefined })).toBeUndefined();
    expect([group.size, emptied]).toEqual([0, 1]);
    const order = new FakeOrder();
    const updates = (await group.watch(order.reader('a')))!;
    const waiting = updates.next();
    await updates.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect([group.size, emptied]).toEqual([0, 2]);
  });
});
