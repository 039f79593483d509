import { beforeEach, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { UnavailableError } from '@shop/errors';
import { RemoteError } from '@shop/grpc-kit';
import { newId } from '@shop/ids';
import { orderServiceFixture, type OrderServiceFixture } from '../../test/order-service-fixture.js';

// The use cases on the in-memory repository, with stand-ins for the account and catalog services.
// Who may do what is in order-service-access.test.ts.

describe('OrderService', () => {
  let f: OrderServiceFixture;
  let accountId: string;

  beforeEach(() => {
    f = orderServiceFixture();
    accountId = f.customer.accountId;
  });

  const callCounts = () => [f.accounts.callers.length, f.products.callers.length];

  it('snapshots names and prices, computes totals exactly, asks each service once', async () => {
    const kettle = f.products.add('Kettle', 1999n);
    const mug = f.products.add('Mug', 10n);
    const order = await f.service.create(f.customer, { accountId, items: [{ productId: kettle, quantity: 2 }, { productId: mug, quantity: 3 }] });
    expect(order.status).toBe('PENDING');
    expect(order.lines.map((line) => [line.productName, line.unitPrice.amountMinor, line.quantity])).toEqual([['Kettle', 1999n, 2], ['Mug', 10n, 3]]);
    expect(order.total).toEqual({ amountMinor: 4028n, currencyCode: 'USD' });
    expect(callCounts()).toEqual([1, 1]);
    f.products.products.get(kettle)!.price = { amountMinor: 1n, currencyCode: 'USD' };
    expect((await f.service.get(f.customer, order.id)).total.amountMinor).toBe(4028n);
  });

  it('asks both services on behalf of the caller', async () => {
    await f.service.create(f.customer, { items: [{ productId: f.products.add('Kettle', 1999n), quantity: 1 }] });
    expect([f.accounts.callers, f.products.callers]).toEqual([[f.customer], [f.customer]]);
  });

  it('answers NOT_FOUND on accountId for an unknown account, and stores nothing', async () => {
    const kettle = f.products.add('Kettle', 1999n);
    const stranger = newId();
    await expect(f.service.create(f.admin, { accountId: stranger, items: [{ productId: kettle, quantity: 1 }] })).rejects.toMatchObject({ code: 'ORDER.ACCOUNT_NOT_FOUND', kind: 'NOT_FOUND', field: 'accountId' });
    expect((await f.service.list(f.admin, { accountId: stranger, pageSize: 0, pageToken: '' })).items).toEqual([]);
  });

  it('answers FAILED_PRECONDITION naming the line of an unknown product', async () => {
    const kettle = f.products.add('Kettle', 1999n);
    await expect(f.service.create(f.customer, { accountId, items: [{ productId: kettle, quantity: 1 }, { productId: newId(), quantity: 1 }] })).rejects.toMatchObject({
      code: 'ORDER.PRODUCT_UNAVAILABLE',
      kind: 'FAILED_PRECONDITION',
      field: 'items[1].productId',
    });
  });

  it('refuses mixed currencies on items', async () => {
    const items = [{ productId: f.products.add('Kettle', 1999n), quantity: 1 }, { productId: f.products.add('Tea', 500n, 'JPY'), quantity: 1 }];
    await expect(f.service.create(f.customer, { accountId, items })).rejects.toMatchObject({ code: 'ORDER.MIXED_CURRENCIES', field: 'items' });
  });

  it('checks the request before calling anybody', async () => {
    await expect(f.service.create(f.customer, { accountId, items: [{ productId: newId(), quantity: 0 }] })).rejects.toMatchObject({ field: 'items[0].quantity' });
    await expect(f.service.create(f.admin, { accountId: 'nope', items: [{ productId: newId(), quantity: 1 }] })).rejects.toMatchObject({ code: 'ORDER.INVALID_ID', field: 'accountId' });
    expect(callCounts()).toEqual([0, 0]);
  });

  it('turns a failing dependency into its own UNAVAILABLE', async () => {
    f.products.failure = new UnavailableError('CATALOG.STORE_UNAVAILABLE', 'catalog database down');
    await expect(f.service.create(f.customer, { accountId, items: [{ productId: newId(), quantity: 1 }] })).rejects.toMatchObject({
      code: 'ORDER.DEPENDENCY_UNAVAILABLE',
      kind: 'UNAVAILABLE',
      message: 'the catalog service is unavailable: catalog database down',
    });
  });

  it("passes a dependency's refusal of the caller's token through as it is, not as UNAVAILABLE", async () => {
    const items = [{ productId: f.products.add('Kettle', 1999n), quantity: 1 }];
    f.accounts.failure = new RemoteError('UNAUTHENTICATED', 'AUTH.TOKEN_REVOKED', 'the access token was revoked; sign in again', undefined, status.UNAUTHENTICATED);
    await expect(f.service.create(f.customer, { items })).rejects.toMatchObject({ kind: 'UNAUTHENTICATED', code: 'AUTH.TOKEN_REVOKED', status: status.UNAUTHENTICATED });
    f.accounts.failure = new RemoteError('PERMISSION_DENIED', 'AUTH.FORBIDDEN', 'getAccounts is for admins only', undefined, status.PERMISSION_DENIED);
    await expect(f.service.create(f.customer, { items })).rejects.toMatchObject({ kind: 'PERMISSION_DENIED', code: 'AUTH.FORBIDDEN' });
    f.accounts.failure = new RemoteError('NOT_FOUND', 'ACCOUNT.NOT_FOUND', 'odd answer', 'id', status.NOT_FOUND);
    await expect(f.service.create(f.customer, { items })).rejects.toMatchObject({ kind: 'UNAVAILABLE', code: 'ORDER.DEPENDENCY_UNAVAILABLE', message: /account service is unavailable/ });
    expect((await f.service.list(f.customer, { accountId, pageSize: 0, pageToken: '' })).items).toEqual([]);
  });

  it('pages an account newest first and batches several accounts', async () => {
    const kettle = f.products.add('Kettle', 1999n);
    const other = f.otherCustomer.accountId;
    for (let i = 0; i < 3; i += 1) await f.service.create(f.customer, { accountId, items: [{ productId: kettle, quantity: i + 1 }] });
    await f.service.create(f.admin, { accountId: other, items: [{ productId: kettle, quantity: 9 }] });
    const first = await f.service.list(f.customer, { accountId, pageSize: 2, pageToken: '' });
    const second = await f.service.list(f.customer, { accountId, pageSize: 2, pageToken: first.nextPageToken! });
    expect([...first.items, ...second.items].map((order) => order.lines[0]!.quantity)).toEqual([3, 2, 1]);
    expect(second.nextPageToken).toBeUndefined();
    const pages = await f.service.listForAccounts(f.admin, [{ accountId: other, pageSize: 5, pageToken: '' }, { accountId, pageSize: 1, pageToken: '' }]);
    expect(pages.map((page) => page.items.length)).toEqual([1, 1]);
    await expect(f.service.list(f.customer, { accountId, pageSize: 101, pageToken: '' })).rejects.toMatchObject({ field: 'page_size' });
    await expect(f.service.list(f.customer, { accountId, pageSize: 1, pageToken: 'zzz' })).rejects.toMatchObject({ field: 'page_token' });
    await expect(f.service.list(f.customer, { accountId: 'x', pageSize: 1, pageToken: '' })).rejects.toMatchObject({ field: 'accountId' });
  });

  it('cancels once; a second cancel is FAILED_PRECONDITION', async () => {
    const order = await f.service.create(f.customer, { accountId, items: [{ productId: f.products.add('Kettle', 1999n), quantity: 1 }] });
    expect((await f.service.cancel(f.customer, order.id)).status).toBe('CANCELLED');
    await expect(f.service.cancel(f.customer, order.id)).rejects.toMatchObject({ code: 'ORDER.NOT_CANCELLABLE', kind: 'FAILED_PRECONDITION' });
    await expect(f.service.cancel(f.admin, newId())).rejects.toMatchObject({ code: 'ORDER.NOT_FOUND' });
    await expect(f.service.get(f.customer, 'bad')).rejects.toMatchObject({ code: 'ORDER.INVALID_ID', field: 'id' });
  });
});
