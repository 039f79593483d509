import { beforeEach, describe, expect, it } from '@jest/globals';
import { ANONYMOUS } from '@shop/identity';
import { newId } from '@shop/ids';
import { orderServiceFixture, type OrderServiceFixture } from '../../test/order-service-fixture.js';
import type { Order } from '../domain/order.js';

// History pages of orders: one (ListHistory) or many in one read (ListHistories); a customer sees its own orders'.

describe('OrderService history pages', () => {
  let f: OrderServiceFixture;
  let kettle: string;

  beforeEach(() => {
    f = orderServiceFixture();
    kettle = f.products.add('Kettle', 1999n);
  });

  const anOrderOf = (accountId: string): Promise<Order> => f.service.create(f.admin, { accountId, items: [{ productId: kettle, quantity: 1 }] });
  const versions = (entries: { version: number }[]) => entries.map((entry) => entry.version);

  it('pages one history and many oldest first after a version', async () => {
    const order = await anOrderOf(f.customer.accountId);
    await f.service.cancel(f.admin, order.id);
    expect(versions(await f.service.history(f.admin, order.id, { afterVersion: 1 }))).toEqual([2]);
    expect(versions(await f.service.history(f.admin, order.id, { pageSize: 1 }))).toEqual([1]);
    expect((await f.service.histories(f.admin, [order.id.toUpperCase(), newId()], { pageSize: 5 })).map(versions)).toEqual([[1, 2], []]);
  });

  it("gives a customer its own orders' histories and empty pages for others' orders", async () => {
    const [own, others] = [await anOrderOf(f.customer.accountId), await anOrderOf(f.otherCustomer.accountId)];
    expect((await f.service.histories(f.customer, [others.id, own.id, newId(), own.id])).map(versions)).toEqual([[], [1], [], [1]]);
    expect((await f.service.histories(f.admin, [others.id, own.id])).map(versions)).toEqual([[1], [1]]);
    await expect(f.service.histories(ANONYMOUS, [own.id])).rejects.toMatchObject({ kind: 'UNAUTHENTICATED' });
  });

  it('refuses sizes, versions and ids out of range on their fields', async () => {
    const order = await anOrderOf(f.customer.accountId);
    await expect(f.service.histories(f.admin, [order.id], { pageSize: 1000 })).rejects.toMatchObject({ field: 'page_size', code: 'ORDER.INVALID_PAGE_SIZE' });
    await expect(f.service.history(f.customer, order.id, { afterVersion: Number.NaN })).rejects.toMatchObject({ field: 'after_version', code: 'ORDER.INVALID_AFTER_VERSION' });
    await expect(f.service.histories(f.admin, Array.from({ length: 1_001 }, () => order.id))).rejects.toMatchObject({ field: 'ids', kind: 'INVALID_ARGUMENT' });
  });
});
