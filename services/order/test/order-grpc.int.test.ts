import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { isServing, type CallPolicy } from '@shop/grpc-kit';
import { newId } from '@shop/ids';
import { expectRemoteFailure, listServicesByReflection, type TestCaller } from '@shop/testing';
import { startOrderComponent, usd, type OrderComponent } from './order-component.js';

// Component test: the real order gRPC server, with the real account and catalog services beside it,
// each on its own test database, called through the real clients with signed-in callers.
// Who may do what is in order-access-grpc.int.test.ts.

const quickPolicy: CallPolicy = { deadlineMs: 2_000, maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 20 };
let shop: OrderComponent;
let customer: TestCaller;
let customerId: string;

beforeAll(async () => {
  shop = await startOrderComponent('order');
  customer = await shop.aCustomer('Ada');
  customerId = customer.accountId;
});

afterAll(async () => {
  await shop?.stop();
});

describe('order service over gRPC', () => {
  it('serves health and reflection', async () => {
    expect(await isServing(shop.orderAddress, 'shop.order.v1.OrderService')).toBe(true);
    expect(await listServicesByReflection(shop.orderAddress)).toEqual(expect.arrayContaining(['grpc.health.v1.Health', 'shop.order.v1.OrderService']));
  });

  it('creates an order with snapshots and exact totals, keeps them when the product changes, then cancels it', async () => {
    const kettle = await shop.aProduct('Zephyr kettle', usd(1999n));
    const mug = await shop.aProduct('Mug', usd(10n));
    const created = await shop.orders.create({ accountId: customerId, items: [{ productId: kettle.id, quantity: 3 }, { productId: mug.id, quantity: 1 }] }, customer.auth);
    expect(created).toMatchObject({
      accountId: customerId,
      status: 'PENDING',
      items: [
        { productId: kettle.id, productName: 'Zephyr kettle', unitPrice: usd(1999n), quantity: 3, subtotal: usd(5997n) },
        { productId: mug.id, productName: 'Mug', unitPrice: usd(10n), quantity: 1, subtotal: usd(10n) },
      ],
      total: usd(6007n),
    });

    await shop.products.update(kettle.id, { name: 'Renamed kettle', price: usd(2999n) }, shop.admin.auth);
    await shop.products.delete(mug.id, shop.admin.auth);
    expect(await shop.orders.get(created.id, customer.auth)).toEqual(created);

    const cancelled = await shop.orders.cancel(created.id, customer.auth);
    expect(cancelled.status).toBe('CANCELLED');
    expect((await shop.orders.history(created.id, customer.auth)).map((entry) => [entry.eventType, entry.version])).toEqual([
      ['shop.order.v1.OrderCreated', 1],
      ['shop.order.v1.OrderCancelled', 2],
    ]);
    expect((await shop.orders.getMany([newId(), created.id], customer.auth)).map((o) => o.status)).toEqual(['CANCELLED']);
  });

  it('keeps the largest order the limits allow exact', async () => {
    const expensive = await Promise.all(Array.from({ length: 100 }, (_, i) => shop.aProduct(`Golden item ${i}`, usd(100_000_000n))));
    const created = await shop.orders.create({ accountId: customerId, items: expensive.map((p) => ({ productId: p.id, quantity: 1000 })) }, customer.auth);
    expect(created.total).toEqual(usd(10_000_000_000_000n));
    expect(created.items).toHaveLength(100);
  });

  it('lists pages per account and batches several accounts in one call', async () => {
    const grace = await shop.aCustomer('Grace');
    const other = grace.accountId;
    const kettle = await shop.aProduct('Pager kettle');
    for (let q = 1; q <= 3; q += 1) await shop.orders.create({ accountId: other, items: [{ productId: kettle.id, quantity: q }] }, grace.auth);
    const first = await shop.orders.list({ accountId: other, pageSize: 2 }, grace.auth);
    const second = await shop.orders.list({ accountId: other, pageSize: 2, pageToken: first.nextPageToken! }, grace.auth);
    expect([...first.orders, ...second.orders].map((o) => o.items[0]!.quantity)).toEqual([3, 2, 1]);
    expect(second.nextPageToken).toBeUndefined();
    const pages = await shop.orders.listForAccounts([{ accountId: other, pageSize: 1 }, { accountId: newId() }], shop.admin.auth);
    expect(pages.map((page) => page.orders.length)).toEqual([1, 0]);
    expect(pages[0]!.nextPageToken).toEqual(expect.any(String));
  });

  describe('error paths', () => {
    it('CreateOrder: INVALID_ARGUMENT naming the field for every malformed request', async () => {
      const kettle = await shop.aProduct('Kettle for errors');
      const line = { productId: kettle.id, quantity: 1 };
      await expectRemoteFailure(shop.orders.create({ accountId: 'nope', items: [line] }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ID', field: 'accountId', message: /^accountId must be a UUID/ });
      await expectRemoteFailure(shop.orders.create({ accountId: customerId, items: [] }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ITEMS', field: 'items', message: /at least one/ });
      await expectRemoteFailure(shop.orders.create({ accountId: customerId, items: Array.from({ length: 101 }, () => ({ productId: newId(), quantity: 1 })) }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ITEMS', field: 'items', message: /at most 100/ });
      await expectRemoteFailure(shop.orders.create({ accountId: customerId, items: [line, { productId: 'x', quantity: 1 }] }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ID', field: 'items[1].productId' });
      await expectRemoteFailure(shop.orders.create({ accountId: customerId, items: [{ ...line, quantity: 0 }] }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_QUANTITY', field: 'items[0].quantity', message: /between 1 and 1000, got 0/ });
      await expectRemoteFailure(shop.orders.create({ accountId: customerId, items: [{ ...line, quantity: 1001 }] }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_QUANTITY', field: 'items[0].quantity' });
      await expectRemoteFailure(shop.orders.create({ accountId: customerId, items: [line, { productId: newId(), quantity: 1.5 }] }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_QUANTITY', field: 'items[1].quantity' });
      await expectRemoteFailure(shop.orders.create({ accountId: customerId, items: [{ ...line, quantity: 2 ** 32 + 1 }] }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_QUANTITY', field: 'items[0].quantity' });
      await expectRemoteFailure(shop.orders.create({ accountId: customerId, items: [line, line] }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.DUPLICATE_PRODUCT', field: 'items[1].productId' });
      const yen = await shop.aProduct('Matcha', { amountMinor: 500n, currencyCode: 'JPY' });
      await expectRemoteFailure(shop.orders.create({ accountId: customerId, items: [line, { productId: yen.id, quantity: 1 }] }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.MIXED_CURRENCIES', field: 'items', message: /one currency, got JPY, USD/ });
    });

    it('CreateOrder: NOT_FOUND for an unknown account, FAILED_PRECONDITION for unknown and deleted products; nothing is written', async () => {
      const kettle = await shop.aProduct('Kettle for preconditions');
      const gone = await shop.aProduct('Deleted kettle');
      await shop.products.delete(gone.id, shop.admin.auth);
      const stranger = newId();
      await expectRemoteFailure(shop.orders.create({ accountId: stranger, items: [{ productId: kettle.id, quantity: 1 }] }, shop.admin.auth), { status: status.NOT_FOUND, code: 'ORDER.ACCOUNT_NOT_FOUND', field: 'accountId' });
      expect((await shop.orders.list({ accountId: stranger }, shop.admin.auth)).orders).toEqual([]);
      await expectRemoteFailure(shop.orders.create({ accountId: customerId, items: [{ productId: kettle.id, quantity: 1 }, { productId: newId(), quantity: 1 }] }, customer.auth), { status: status.FAILED_PRECONDITION, code: 'ORDER.PRODUCT_UNAVAILABLE', field: 'items[1].productId' });
      await expectRemoteFailure(shop.orders.create({ accountId: customerId, items: [{ productId: gone.id, quantity: 1 }] }, customer.auth), { status: status.FAILED_PRECONDITION, code: 'ORDER.PRODUCT_UNAVAILABLE', field: 'items[0].productId', message: /no longer sold/ });
    });

    it('GetOrder, GetOrders, ListOrders, CancelOrder: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION', async () => {
      await expectRemoteFailure(shop.orders.get('bad', customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ID', field: 'id' });
      await expectRemoteFailure(shop.orders.get(newId(), customer.auth), { status: status.NOT_FOUND, code: 'ORDER.NOT_FOUND', message: /not found/ });
      await expectRemoteFailure(shop.orders.getMany(['bad'], customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ID', field: 'ids[0]' });
      await expectRemoteFailure(shop.orders.list({ accountId: customerId, pageSize: 101 }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_PAGE_SIZE', field: 'page_size' });
      await expectRemoteFailure(shop.orders.list({ accountId: customerId, pageToken: 'not-a-token' }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_PAGE_TOKEN', field: 'page_token' });
      await expectRemoteFailure(shop.orders.list({ accountId: '' }, customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ID', field: 'accountId' });
      await expectRemoteFailure(shop.orders.cancel('bad', customer.auth), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ID', field: 'id' });
      await expectRemoteFailure(shop.orders.cancel(newId(), customer.auth), { status: status.NOT_FOUND, code: 'ORDER.NOT_FOUND' });
      const kettle = await shop.aProduct('Kettle to cancel');
      const created = await shop.orders.create({ accountId: customerId, items: [{ productId: kettle.id, quantity: 1 }] }, customer.auth);
      await shop.orders.cancel(created.id, customer.auth);
      await expectRemoteFailure(shop.orders.cancel(created.id, customer.auth), { status: status.FAILED_PRECONDITION, code: 'ORDER.NOT_CANCELLABLE', message: /is CANCELLED/ });
    });

    it('CreateOrder: UNAVAILABLE (never INTERNAL) when the catalog service cannot be reached', async () => {
      const lonely = await shop.anotherOrderApp('lonely', '127.0.0.1:1', { jwks: shop.identity.jwks }, quickPolicy);
      await expectRemoteFailure(lonely.create({ accountId: customerId, items: [{ productId: newId(), quantity: 1 }] }, customer.auth), { status: status.UNAVAILABLE, code: 'ORDER.DEPENDENCY_UNAVAILABLE', message: /catalog service is unavailable/ });
    });
  });
});
