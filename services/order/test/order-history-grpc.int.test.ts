import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { newId } from '@shop/ids';
import { encodeCursor } from '@shop/pagination';
import { expectRemoteFailure, type TestCaller } from '@shop/testing';
import { startOrderComponent, type OrderComponent } from './order-component.js';

// Component test: order history pages (ListHistory, ListHistories) with the access rule per id, and forged
// ListOrders page tokens refused as INVALID_ARGUMENT before any query, through the real gRPC servers.

let shop: OrderComponent;
let ada: TestCaller;
let bob: TestCaller;

beforeAll(async () => {
  shop = await startOrderComponent('order_history');
  [ada, bob] = [await shop.aCustomer('Ada'), await shop.aCustomer('Bob')];
});

afterAll(async () => {
  await shop?.stop();
});

const invalid = (code: string, field: string) => ({ status: status.INVALID_ARGUMENT, code: `ORDER.${code}`, field });
const versions = (entries: { version: number }[]) => entries.map((entry) => entry.version);

async function anOrderOf(customer: TestCaller): Promise<string> {
  const product = await shop.aProduct('History mug');
  return (await shop.orders.create({ items: [{ productId: product.id, quantity: 1 }] }, customer.auth)).id;
}

describe('order history pages over gRPC', () => {
  it('ListHistory and ListHistories page oldest first after a version', async () => {
    const order = await anOrderOf(ada);
    await shop.orders.cancel(order, ada.auth);
    expect(versions(await shop.orders.history({ id: order, afterVersion: 1 }, ada.auth))).toEqual([2]);
    expect(versions(await shop.orders.history({ id: order.toUpperCase(), pageSize: 1 }, ada.auth))).toEqual([1]);
    expect((await shop.orders.histories({ ids: [order, newId()], pageSize: 5 }, shop.admin.auth)).map(versions)).toEqual([[1, 2], []]);
  });

  it("gives a customer its own orders' histories and empty pages for others' orders, in one call", async () => {
    const [adas, bobs] = [await anOrderOf(ada), await anOrderOf(bob)];
    expect((await shop.orders.histories({ ids: [bobs, adas.toUpperCase()] }, ada.auth)).map(versions)).toEqual([[], [1]]);
    expect((await shop.orders.histories({ ids: [bobs, adas] }, shop.admin.auth)).map(versions)).toEqual([[1], [1]]);
    await expectRemoteFailure(shop.orders.histories({ ids: [adas] }), { status: status.UNAUTHENTICATED, code: 'AUTH.UNAUTHENTICATED' });
  });

  it('refuses page sizes, versions and ids out of range on their fields', async () => {
    const order = await anOrderOf(ada);
    await expectRemoteFailure(shop.orders.histories({ ids: [order], pageSize: 101 }, ada.auth), invalid('INVALID_PAGE_SIZE', 'page_size'));
    await expectRemoteFailure(shop.orders.history({ id: order, afterVersion: -1 }, ada.auth), invalid('INVALID_AFTER_VERSION', 'after_version'));
    await expectRemoteFailure(shop.orders.histories({ ids: [order, '1'] }, ada.auth), invalid('INVALID_ID', 'ids[1]'));
  });
});

describe('forged ListOrders page tokens over gRPC', () => {
  it.each([
    ['year 1', ['0001-01-01T00:00:00.000Z', newId()]],
    ['year 275760', [new Date(8.64e15).toISOString(), newId()]],
    ['a wrong id', [new Date().toISOString(), '00000000']],
  ])('refuses a token with %s as INVALID_ARGUMENT on page_token, alone or in a batch', async (_case, key) => {
    const pageToken = encodeCursor(key);
    await expectRemoteFailure(shop.orders.list({ accountId: ada.accountId, pageToken }, ada.auth), invalid('INVALID_PAGE_TOKEN', 'page_token'));
    await expectRemoteFailure(shop.orders.listForAccounts([{ accountId: ada.accountId }, { accountId: ada.accountId, pageToken }], shop.admin.auth), invalid('INVALID_PAGE_TOKEN', 'page_token'));
  });
});
