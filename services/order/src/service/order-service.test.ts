import { beforeEach, describe, expect, it } from '@jest/globals';
import { UnavailableError } from '@shop/errors';
import { newId } from '@shop/ids';
import type { Money } from '@shop/money';
import { OrderMemoryRepository } from '../repository/order-memory-repository.js';
import type { AccountLookup, ProductLookup } from './order-dependencies.js';
import { OrderService } from './order-service.js';
import { orderEventsWire } from '../events/order-events-wire.js';

/** Stand-ins for the account and catalog services that also count calls; the component test uses the real ones. */
class Directory implements AccountLookup, ProductLookup {
  readonly accounts = new Set<string>();
  readonly products = new Map<string, { id: string; name: string; price: Money }>();
  calls = 0;
  down = false;

  async getMany(ids: readonly string[]) {
    this.calls += 1;
    if (this.down) throw new UnavailableError('CATALOG.STORE_UNAVAILABLE', 'catalog database down');
    return ids.flatMap((id) => (this.products.get(id) ?? (this.accounts.has(id) ? [{ id }] : [])) as never);
  }
}

describe('OrderService', () => {
  let accounts: Directory;
  let catalog: Directory;
  let service: OrderService;
  let accountId: string;

  beforeEach(() => {
    accounts = new Directory();
    catalog = new Directory();
    service = new OrderService(new OrderMemoryRepository(orderEventsWire), accounts, catalog);
    accountId = newId();
    accounts.accounts.add(accountId);
  });

  const product = (name: string, amountMinor: bigint, currencyCode = 'USD') => {
    const id = newId();
    catalog.products.set(id, { id, name, price: { amountMinor, currencyCode } });
    return id;
  };

  it('snapshots names and prices, computes totals exactly, asks each service once', async () => {
    const kettle = product('Kettle', 1999n);
    const mug = product('Mug', 10n);
    const order = await service.create({ accountId, items: [{ productId: kettle, quantity: 2 }, { productId: mug, quantity: 3 }] });
    expect(order.status).toBe('PENDING');
    expect(order.lines.map((line) => [line.productName, line.unitPrice.amountMinor, line.quantity])).toEqual([['Kettle', 1999n, 2], ['Mug', 10n, 3]]);
    expect(order.total).toEqual({ amountMinor: 4028n, currencyCode: 'USD' });
    expect([accounts.calls, catalog.calls]).toEqual([1, 1]);
    catalog.products.get(kettle)!.price = { amountMinor: 1n, currencyCode: 'USD' };
    expect((await service.get(order.id)).total.amountMinor).toBe(4028n);
  });

  it('answers NOT_FOUND on accountId for an unknown account, and stores nothing', async () => {
    const kettle = product('Kettle', 1999n);
    const stranger = newId();
    await expect(service.create({ accountId: stranger, items: [{ productId: kettle, quantity: 1 }] })).rejects.toMatchObject({ code: 'ORDER.ACCOUNT_NOT_FOUND', kind: 'NOT_FOUND', field: 'accountId' });
    expect((await service.list({ accountId: stranger, pageSize: 0, pageToken: '' })).items).toEqual([]);
  });

  it('answers FAILED_PRECONDITION naming the line of an unknown product', async () => {
    const kettle = product('Kettle', 1999n);
    await expect(service.create({ accountId, items: [{ productId: kettle, quantity: 1 }, { productId: newId(), quantity: 1 }] })).rejects.toMatchObject({
      code: 'ORDER.PRODUCT_UNAVAILABLE',
      kind: 'FAILED_PRECONDITION',
      field: 'items[1].productId',
    });
  });

  it('refuses mixed currencies on items', async () => {
    const items = [{ productId: product('Kettle', 1999n), quantity: 1 }, { productId: product('Tea', 500n, 'JPY'), quantity: 1 }];
    await expect(service.create({ accountId, items })).rejects.toMatchObject({ code: 'ORDER.MIXED_CURRENCIES', field: 'items' });
  });

  it('checks the request before calling anybody', async () => {
    await expect(service.create({ accountId, items: [{ productId: newId(), quantity: 0 }] })).rejects.toMatchObject({ field: 'items[0].quantity' });
    expect([accounts.calls, catalog.calls]).toEqual([0, 0]);
  });

  it('turns a failing dependency into its own UNAVAILABLE', async () => {
    catalog.down = true;
    await expect(service.create({ accountId, items: [{ productId: newId(), quantity: 1 }] })).rejects.toMatchObject({
      code: 'ORDER.DEPENDENCY_UNAVAILABLE',
      kind: 'UNAVAILABLE',
      message: 'the catalog service is unavailable: catalog database down',
    });
  });

  it('pages an account newest first and batches several accounts', async () => {
    const kettle = product('Kettle', 1999n);
    const other = newId();
    accounts.accounts.add(other);
    for (let i = 0; i < 3; i += 1) await service.create({ accountId, items: [{ productId: kettle, quantity: i + 1 }] });
    await service.create({ accountId: other, items: [{ productId: kettle, quantity: 9 }] });
    const first = await service.list({ accountId, pageSize: 2, pageToken: '' });
    const second = await service.list({ accountId, pageSize: 2, pageToken: first.nextPageToken! });
    expect([...first.items, ...second.items].map((order) => order.lines[0]!.quantity)).toEqual([3, 2, 1]);
    expect(second.nextPageToken).toBeUndefined();
    const pages = await service.listForAccounts([{ accountId: other, pageSize: 5, pageToken: '' }, { accountId, pageSize: 1, pageToken: '' }]);
    expect(pages.map((page) => page.items.length)).toEqual([1, 1]);
    await expect(service.list({ accountId, pageSize: 101, pageToken: '' })).rejects.toMatchObject({ field: 'page_size' });
    await expect(service.list({ accountId, pageSize: 1, pageToken: 'zzz' })).rejects.toMatchObject({ field: 'page_token' });
    await expect(service.list({ accountId: 'x', pageSize: 1, pageToken: '' })).rejects.toMatchObject({ field: 'accountId' });
  });

  it('cancels once; a second cancel is FAILED_PRECONDITION', async () => {
    const order = await service.create({ accountId, items: [{ productId: product('Kettle', 1999n), quantity: 1 }] });
    expect((await service.cancel(order.id)).status).toBe('CANCELLED');
    await expect(service.cancel(order.id)).rejects.toMatchObject({ code: 'ORDER.NOT_CANCELLABLE', kind: 'FAILED_PRECONDITION' });
    await expect(service.cancel(newId())).rejects.toMatchObject({ code: 'ORDER.NOT_FOUND' });
    await expect(service.get('bad')).rejects.toMatchObject({ code: 'ORDER.INVALID_ID', field: 'id' });
  });
});
