import { beforeEach, describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import type { Order } from '../src/domain/order.js';
import { OrderNotFoundError } from '../src/domain/order-errors.js';
import type { OrderRepository } from '../src/domain/order-repository.js';
import { aLine, anOrder } from './order-builder.js';

/** The behaviour every OrderRepository must have; run against Postgres and in memory. */
export function describeOrderRepositoryContract(name: string, makeRepository: () => Promise<OrderRepository>): void {
  describe(`OrderRepository contract: ${name}`, () => {
    let repository: OrderRepository;

    beforeEach(async () => {
      repository = await makeRepository();
    });

    const ids = (orders: Order[]) => orders.map((order) => order.id);

    it('adds and gets an order with its lines intact, in order', async () => {
      const order = anOrder({
        lines: [
          aLine({ productName: 'Ünïcode 🫖 kettle', quantity: 1000, unitPrice: { amountMinor: 100_000_000n, currencyCode: 'USD' } }),
          aLine({ productName: 'Mug', quantity: 2 }),
        ],
      });
      await repository.add(order, null);
      expect((await repository.get(order.id))?.toState()).toEqual(order.toState());
      expect(await repository.get(newId())).toBeUndefined();
    });

    it('gets many in the order asked for, leaving out unknown ids', async () => {
      const [a, b] = [anOrder(), anOrder()];
      await repository.add(a, null);
      await repository.add(b, null);
      expect(ids(await repository.getMany([b.id, newId(), a.id]))).toEqual([b.id, a.id]);
      expect(await repository.getMany([])).toEqual([]);
    });

    it("lists several accounts' orders in one call, newest first, each after its own cursor", async () => {
      const [alice, bob, carol] = [newId(), newId(), newId()];
      const base = Date.now();
      const aliceOrders = [0, 1, 2, 3].map((i) => anOrder({ accountId: alice, createdAt: new Date(base + i * 1000) }));
      const bobOrders = [0, 1].map((i) => anOrder({ accountId: bob, createdAt: new Date(base + i * 1000) }));
      for (const order of [...aliceOrders, ...bobOrders]) await repository.add(order, null);

      const [alicePage, bobPage, carolPage] = await repository.listByAccounts([
        { accountId: alice, limit: 2 },
        { accountId: bob, limit: 10 },
        { accountId: carol, limit: 5 },
      ]);
      expect(ids(alicePage!)).toEqual([aliceOrders[3]!.id, aliceOrders[2]!.id]);
      expect(ids(bobPage!)).toEqual([bobOrders[1]!.id, bobOrders[0]!.id]);
      expect(carolPage).toEqual([]);
      expect(alicePage![0]!.lines).toHaveLength(1);

      const last = alicePage![1]!;
      const [rest] = await repository.listByAccounts([{ accountId: alice, limit: 10, after: { createdAt: last.createdAt, id: last.id } }]);
      expect(ids(rest!)).toEqual([aliceOrders[1]!.id, aliceOrders[0]!.id]);
    });

    it('updates through a function in one step', async () => {
      const order = anOrder();
      await repository.add(order, null);
      const later = new Date(order.createdAt.getTime() + 1000);
      await repository.update(order.id, (current) => current.cancel(later), null);
      expect((await repository.get(order.id))?.toState()).toEqual({ ...order.toState(), status: 'CANCELLED', updatedAt: later });
    });

    it('changes nothing when the change function throws', async () => {
      const order = anOrder();
      await repository.add(order, null);
      const cancelled = await repository.update(order.id, (current) => current.cancel(new Date()), null);
      await expect(repository.update(order.id, (current) => current.cancel(new Date()), null)).rejects.toMatchObject({ code: 'ORDER.NOT_CANCELLABLE' });
      expect((await repository.get(order.id))?.toState()).toEqual(cancelled.toState());
    });

    it('records the placement and every status change in the history, and nothing for a refused change', async () => {
      const order = anOrder();
      const admin = newId();
      await repository.add(order, order.accountId);
      await repository.update(order.id, (current) => current.cancel(new Date()), admin);
      await expect(repository.update(order.id, (current) => current.cancel(new Date()), null)).rejects.toMatchObject({ code: 'ORDER.NOT_CANCELLABLE' });
      const history = await repository.history(order.id);
      expect(history.map((entry) => [entry.eventType, entry.version, entry.changedFields, entry.actor])).toEqual([
        ['shop.order.v1.OrderCreated', 1, ['status', 'items', 'total'], order.accountId],
        ['shop.order.v1.OrderCancelled', 2, ['status'], admin],
      ]);
      expect(await repository.history(newId())).toEqual([]);

      expect(await repository.history(order.id, { afterVersion: 1, limit: 50 })).toEqual([history[1]]);
      expect(await repository.history(order.id, { afterVersion: 0, limit: 1 })).toEqual([history[0]]);
      expect(await repository.histories([newId(), order.id], { afterVersion: 0, limit: 100 })).toEqual([[], history]);
    });

    it('throws OrderNotFoundError when updating an unknown order', async () => {
      await expect(repository.update(newId(), (current) => current, null)).rejects.toBeInstanceOf(OrderNotFoundError);
    });
  });
}
