import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import type { ProductView } from '@shop/catalog/client';
import { expectRemoteFailure, testIdentity, type TestCaller } from '@shop/testing';
import { startOrderComponent, type OrderComponent } from './order-component.js';

// Component test of who may do what with orders, through the real order gRPC server, with the real account
// and catalog services beside it, all trusting one test key: API.md's "Identity and access" rows for orders.

let shop: OrderComponent;
let ada: TestCaller;
let bob: TestCaller;
let kettle: ProductView;

beforeAll(async () => {
  shop = await startOrderComponent('order_access');
  [ada, bob] = [await shop.aCustomer('Ada'), await shop.aCustomer('Bob')];
  kettle = await shop.aProduct('Access kettle');
});

afterAll(async () => {
  await shop?.stop();
});

const items = () => [{ productId: kettle.id, quantity: 1 }];
const orderIdsOf = async (who: TestCaller) => (await shop.orders.list({ accountId: who.accountId, pageSize: 100 }, shop.admin.auth)).orders.map((order) => order.id);

describe('order access over gRPC', () => {
  it('CreateOrder: a customer orders for itself, with or without its account id; for another account NOT_FOUND, and nothing is written', async () => {
    const before = await orderIdsOf(bob);
    const implicit = await shop.orders.create({ items: items() }, ada.auth);
    const explicit = await shop.orders.create({ accountId: ada.accountId, items: items() }, ada.auth);
    expect([implicit.accountId, explicit.accountId]).toEqual([ada.accountId, ada.accountId]);
    await expectRemoteFailure(shop.orders.create({ accountId: bob.accountId, items: items() }, ada.auth), {
      status: status.NOT_FOUND,
      code: 'ORDER.ACCOUNT_NOT_FOUND',
      field: 'accountId',
    });
    expect(await orderIdsOf(bob)).toEqual(before);
  });

  it('every call without a token is UNAUTHENTICATED, and nothing is written', async () => {
    const order = await shop.orders.create({ items: items() }, ada.auth);
    const before = await orderIdsOf(ada);
    const unauthenticated = { status: status.UNAUTHENTICATED, code: 'AUTH.UNAUTHENTICATED' };
    await expectRemoteFailure(shop.orders.create({ items: items() }), unauthenticated);
    await expectRemoteFailure(shop.orders.create({ accountId: ada.accountId, items: items() }), unauthenticated);
    await expectRemoteFailure(shop.orders.get(order.id), unauthenticated);
    await expectRemoteFailure(shop.orders.getMany([order.id]), unauthenticated);
    await expectRemoteFailure(shop.orders.list({ accountId: ada.accountId }), unauthenticated);
    await expectRemoteFailure(shop.orders.listForAccounts([{ accountId: ada.accountId }]), unauthenticated);
    await expectRemoteFailure(shop.orders.cancel(order.id), unauthenticated);
    await expectRemoteFailure(shop.orders.history(order.id), unauthenticated);
    expect(await orderIdsOf(ada)).toEqual(before);
    expect((await shop.orders.get(order.id, ada.auth)).status).toBe('PENDING');
  });

  describe("the caller's token is what order shows the account service", () => {
    it('a customer is shown its own account, so it may order for itself; an account the service does not know is NOT_FOUND', async () => {
      shop.accountLookups.length = 0;
      expect((await shop.orders.create({ items: items() }, ada.auth)).accountId).toBe(ada.accountId);
      // A valid customer token of an account that does not exist: order lets it through, the account service shows it nothing.
      const ghost = await shop.identity.caller('CUSTOMER');
      await expectRemoteFailure(shop.orders.create({ items: items() }, ghost.auth), { status: status.NOT_FOUND, code: 'ORDER.ACCOUNT_NOT_FOUND', field: 'accountId' });
      expect(shop.accountLookups).toEqual([
        expect.objectContaining({ kind: 'customer', accountId: ada.accountId }),
        expect.objectContaining({ kind: 'customer', accountId: ghost.accountId }),
      ]);
    });

    it('an admin is shown any account, so it may order for any', async () => {
      shop.accountLookups.length = 0;
      const placed = await Promise.all([ada, bob].map((customer) => shop.orders.create({ accountId: customer.accountId, items: items() }, shop.admin.auth)));
      expect(placed.map((order) => order.accountId)).toEqual([ada.accountId, bob.accountId]);
      expect(shop.accountLookups).toEqual([
        expect.objectContaining({ kind: 'admin', accountId: shop.admin.accountId }),
        expect.objectContaining({ kind: 'admin', accountId: shop.admin.accountId }),
      ]);
    });

    it('a token order trusts but the other services do not is refused by them, and order answers UNAUTHENTICATED, not UNAVAILABLE', async () => {
      const stranger = await testIdentity();
      const bothKeys = async () => ({ keys: [...(await shop.identity.jwks()).keys, ...(await stranger.jwks()).keys] });
      const trusting = await shop.anotherOrderApp('trusting', shop.catalogAddress, { jwks: bothKeys });
      const outsider = await stranger.caller('ADMIN', ada.accountId);
      const before = await orderIdsOf(ada);
      await expectRemoteFailure(trusting.create({ accountId: ada.accountId, items: items() }, outsider.auth), { status: status.UNAUTHENTICATED, code: 'AUTH.INVALID_TOKEN' });
      // The same order app does work for a token every service trusts.
      expect((await trusting.create({ items: items() }, ada.auth)).accountId).toBe(ada.accountId);
      expect(await orderIdsOf(ada)).toEqual(before);
    });
  });

  it("a customer sees only its own orders; another's answer as if they did not exist, and its cancel changes nothing", async () => {
    const [adas, bobs] = await Promise.all([shop.orders.create({ items: items() }, ada.auth), shop.orders.create({ items: items() }, bob.auth)]);
    await expectRemoteFailure(shop.orders.get(adas.id, bob.auth), { status: status.NOT_FOUND, code: 'ORDER.NOT_FOUND' });
    expect((await shop.orders.getMany([adas.id, bobs.id], bob.auth)).map((order) => order.id)).toEqual([bobs.id]);
    expect((await shop.orders.list({ accountId: ada.accountId }, bob.auth)).orders).toEqual([]);
    const pages = await shop.orders.listForAccounts([{ accountId: ada.accountId }, { accountId: bob.accountId }], bob.auth);
    expect(pages.map((page) => page.orders.length > 0)).toEqual([false, true]);
    expect(pages[0]).toEqual({ orders: [], nextPageToken: undefined });
    await expectRemoteFailure(shop.orders.cancel(adas.id, bob.auth), { status: status.NOT_FOUND, code: 'ORDER.NOT_FOUND' });
    expect(await shop.orders.history(adas.id, bob.auth)).toEqual([]);
    expect((await shop.orders.get(adas.id, ada.auth)).status).toBe('PENDING');
    expect(await shop.orders.history(adas.id, ada.auth)).toHaveLength(1);
  });

  it('an admin sees and cancels any order', async () => {
    const [adas, bobs] = await Promise.all([shop.orders.create({ items: items() }, ada.auth), shop.orders.create({ items: items() }, bob.auth)]);
    expect(await shop.orders.get(adas.id, shop.admin.auth)).toEqual(adas);
    expect((await shop.orders.getMany([adas.id, bobs.id], shop.admin.auth)).map((order) => order.id)).toEqual([adas.id, bobs.id]);
    const pages = await shop.orders.listForAccounts([{ accountId: ada.accountId, pageSize: 100 }, { accountId: bob.accountId, pageSize: 100 }], shop.admin.auth);
    expect([pages[0]!.orders.map((order) => order.id), pages[1]!.orders.map((order) => order.id)]).toEqual([expect.arrayContaining([adas.id]), expect.arrayContaining([bobs.id])]);
    expect((await shop.orders.cancel(bobs.id, shop.admin.auth)).status).toBe('CANCELLED');
    expect((await shop.orders.get(bobs.id, bob.auth)).status).toBe('CANCELLED');
  });

  it('history names who made each change: the customer who placed the order, the admin who cancelled it', async () => {
    const order = await shop.orders.create({ items: items() }, ada.auth);
    await shop.orders.cancel(order.id, shop.admin.auth);
    expect((await shop.orders.history(order.id, ada.auth)).map((entry) => [entry.eventType, entry.actor])).toEqual([
      ['shop.order.v1.OrderCreated', ada.accountId],
      ['shop.order.v1.OrderCancelled', shop.admin.accountId],
    ]);
  });
});
