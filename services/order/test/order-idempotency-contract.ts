import { beforeEach, describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import type { IdempotencyClaim } from '../src/domain/idempotency.js';
import { IdempotencyKeyTakenError } from '../src/domain/order-errors.js';
import type { OrderRepository } from '../src/domain/order-repository.js';
import { anOrder } from './order-builder.js';

const HOUR = 3_600_000;

/** The idempotency records every OrderRepository must keep; run against Postgres and in memory. */
export function describeIdempotencyContract(name: string, makeRepository: () => Promise<OrderRepository>): void {
  describe(`OrderRepository idempotency records: ${name}`, () => {
    let repository: OrderRepository;
    const now = new Date('2030-01-02T12:00:00Z');
    const claim = (key: string, fingerprint = 'a'.repeat(64), at = now): IdempotencyClaim => ({ key, fingerprint, liveSince: new Date(at.getTime() - 24 * HOUR) });

    beforeEach(async () => {
      repository = await makeRepository();
    });

    it('stores the key with the order and finds it while it is live', async () => {
      const order = anOrder({ createdAt: now });
      await repository.add(order, null, claim('key-1', 'b'.repeat(64)));
      expect(await repository.findIdempotencyRecord(order.accountId, 'key-1', new Date(now.getTime() - HOUR))).toEqual({ fingerprint: 'b'.repeat(64), orderId: order.id });
      expect(await repository.findIdempotencyRecord(order.accountId, 'key-1', new Date(now.getTime() + 1))).toBeUndefined();
      expect(await repository.findIdempotencyRecord(newId(), 'key-1', new Date(0))).toBeUndefined();
      expect(await repository.findIdempotencyRecord(order.accountId, 'KEY-1', new Date(0))).toBeUndefined();
    });

    it('refuses a second order for a live key and stores nothing of it; another account has keys of its own', async () => {
      const first = anOrder({ createdAt: now });
      await repository.add(first, null, claim('shared'));
      const second = anOrder({ accountId: first.accountId, createdAt: now });
      await expect(repository.add(second, null, claim('shared'))).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
      expect(await repository.get(second.id)).toBeUndefined();
      const elsewhere = anOrder({ createdAt: now });
      await repository.add(elsewhere, null, claim('shared'));
      expect((await repository.findIdempotencyRecord(elsewhere.accountId, 'shared', new Date(0)))?.orderId).toBe(elsewhere.id);
    });

    it('lets a key be used again once its record is older than 24 hours', async () => {
      const old = anOrder({ createdAt: new Date(now.getTime() - 25 * HOUR) });
      await repository.add(old, null, claim('reused', 'c'.repeat(64), old.createdAt));
      const fresh = anOrder({ accountId: old.accountId, createdAt: now });
      await repository.add(fresh, null, claim('reused', 'd'.repeat(64)));
      expect(await repository.findIdempotencyRecord(old.accountId, 'reused', new Date(now.getTime() - 24 * HOUR))).toEqual({ fingerprint: 'd'.repeat(64), orderId: fresh.id });
    });

    it('prunes records older than a time, and only those', async () => {
      const account = newId();
      const old = anOrder({ accountId: account, createdAt: new Date(now.getTime() - 30 * HOUR) });
      const recent = anOrder({ accountId: account, createdAt: now });
      await repository.add(old, null, claim('old', 'e'.repeat(64), old.createdAt));
      await repository.add(recent, null, claim('recent'));
      expect(await repository.pruneIdempotencyRecords(new Date(now.getTime() - 24 * HOUR))).toBe(1);
      expect(await repository.findIdempotencyRecord(account, 'old', new Date(0))).toBeUndefined();
      expect(await repository.findIdempotencyRecord(account, 'recent', new Date(0))).toBeDefined();
      expect(await repository.get(old.id)).toBeDefined();
    });
  });
}
