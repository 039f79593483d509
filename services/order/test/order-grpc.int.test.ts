import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { buildAccountApp, MIGRATIONS as ACCOUNT_MIGRATIONS, type AccountApp } from '@shop/account/app';
import { AccountClient } from '@shop/account/client';
import { buildCatalogApp, MIGRATIONS as CATALOG_MIGRATIONS, type CatalogApp } from '@shop/catalog/app';
import { CatalogClient, type ProductView } from '@shop/catalog/client';
import { isServing, type CallPolicy } from '@shop/grpc-kit';
import { newId } from '@shop/ids';
import { createLogger } from '@shop/logger';
import { createTestDatabase, expectRemoteFailure, listServicesByReflection, type TestDatabase } from '@shop/testing';
import { buildOrderApp, MIGRATIONS, type OrderApp } from '../src/app.js';
import { OrderClient } from '../src/client/index.js';

// Component test: the real order gRPC server, with the real account and catalog services beside it,
// each on its own test database, called through the real clients.

const logger = createLogger('order-test', 'silent');
const quickPolicy: CallPolicy = { deadlineMs: 2_000, maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 20 };
const databases: TestDatabase[] = [];
let account: AccountApp;
let catalog: CatalogApp;
let order: OrderApp;
let accounts: AccountClient;
let products: CatalogClient;
let orders: OrderClient;
let customerId: string;

async function database(label: string, migrations: string | readonly string[]): Promise<string> {
  const created = await createTestDatabase(label, migrations);
  databases.push(created);
  return created.url;
}

const orderConfig = (databaseUrl: string, catalogAddress: string) => ({
  ORDER_GRPC_PORT: 0,
  DATABASE_URL: databaseUrl,
  ACCOUNT_GRPC_ADDRESS: `127.0.0.1:${account.port}`,
  CATALOG_GRPC_ADDRESS: catalogAddress,
  SHUTDOWN_GRACE_MS: 1_000,
});

beforeAll(async () => {
  account = await buildAccountApp({ ACCOUNT_GRPC_PORT: 0, DATABASE_URL: await database('order_acc', ACCOUNT_MIGRATIONS), SHUTDOWN_GRACE_MS: 1_000 }, logger);
  catalog = await buildCatalogApp({ CATALOG_GRPC_PORT: 0, DATABASE_URL: await database('order_cat', CATALOG_MIGRATIONS), SHUTDOWN_GRACE_MS: 1_000 }, logger);
  order = await buildOrderApp(orderConfig(await database('order', MIGRATIONS), `127.0.0.1:${catalog.port}`), logger);
  await Promise.all([account.ready, catalog.ready, order.ready]);
  accounts = AccountClient.connect(`127.0.0.1:${account.port}`);
  products = CatalogClient.connect(`127.0.0.1:${catalog.port}`);
  orders = OrderClient.connect(`127.0.0.1:${order.port}`);
  customerId = (await accounts.create({ name: 'Ada', email: `ada.${newId()}@example.com` })).id;
});

afterAll(async () => {
  for (const client of [accounts, products, orders]) client.close();
  await Promise.all([order.stop(), catalog.stop(), account.stop()]);
  for (const created of databases) await created.drop();
});

const usd = (amountMinor: bigint) => ({ amountMinor, currencyCode: 'USD' });
const aProduct = (name: string, price = usd(1999n), stock = 10): Promise<ProductView> =>
  products.create({ name, description: `${name}, for the order tests`, price, stock });


describe('order service over gRPC', () => {
  it('serves health and reflection', async () => {
    const address = `127.0.0.1:${order.port}`;
    expect(await isServing(address, 'shop.order.v1.OrderService')).toBe(true);
    expect(await listServicesByReflection(address)).toEqual(expect.arrayContaining(['grpc.health.v1.Health', 'shop.order.v1.OrderService']));
  });

  it('creates an order with snapshots and exact totals, keeps them when the product changes, then cancels it', async () => {
    const kettle = await aProduct('Zephyr kettle', usd(1999n));
    const mug = await aProduct('Mug', usd(10n));
    const created = await orders.create({ accountId: customerId, items: [{ productId: kettle.id, quantity: 3 }, { productId: mug.id, quantity: 1 }] });
    expect(created).toMatchObject({
      accountId: customerId,
      status: 'PENDING',
      items: [
        { productId: kettle.id, productName: 'Zephyr kettle', unitPrice: usd(1999n), quantity: 3, subtotal: usd(5997n) },
        { productId: mug.id, productName: 'Mug', unitPrice: usd(10n), quantity: 1, subtotal: usd(10n) },
      ],
      total: usd(6007n),
    });

    await products.update(kettle.id, { name: 'Renamed kettle', price: usd(2999n) });
    await products.delete(mug.id);
    expect(await orders.get(created.id)).toEqual(created);

    const cancelled = await orders.cancel(created.id);
    expect(cancelled.status).toBe('CANCELLED');
    expect((await orders.history(created.id)).map((entry) => [entry.eventType, entry.version])).toEqual([
      ['shop.order.v1.OrderCreated', 1],
      ['shop.order.v1.OrderCancelled', 2],
    ]);
    expect((await orders.getMany([newId(), created.id])).map((o) => o.status)).toEqual(['CANCELLED']);
  });

  it('keeps the largest order the limits allow exact', async () => {
    const expensive = await Promise.all(Array.from({ length: 100 }, (_, i) => aProduct(`Golden item ${i}`, usd(100_000_000n))));
    const created = await orders.create({ accountId: customerId, items: expensive.map((p) => ({ productId: p.id, quantity: 1000 })) });
    expect(created.total).toEqual(usd(10_000_000_000_000n));
    expect(created.items).toHaveLength(100);
  });

  it('lists pages per account and batches several accounts in one call', async () => {
    const other = (await accounts.create({ name: 'Grace', email: `grace.${newId()}@example.com` })).id;
    const kettle = await aProduct('Pager kettle');
    for (let q = 1; q <= 3; q += 1) await orders.create({ accountId: other, items: [{ productId: kettle.id, quantity: q }] });
    const first = await orders.list({ accountId: other, pageSize: 2 });
    const second = await orders.list({ accountId: other, pageSize: 2, pageToken: first.nextPageToken! });
    expect([...first.orders, ...second.orders].map((o) => o.items[0]!.quantity)).toEqual([3, 2, 1]);
    expect(second.nextPageToken).toBeUndefined();
    const pages = await orders.listForAccounts([{ accountId: other, pageSize: 1 }, { accountId: newId() }]);
    expect(pages.map((page) => page.orders.length)).toEqual([1, 0]);
    expect(pages[0]!.nextPageToken).toEqual(expect.any(String));
  });

  describe('error paths', () => {
    it('CreateOrder: INVALID_ARGUMENT naming the field for every malformed request', async () => {
      const kettle = await aProduct('Kettle for errors');
      const line = { productId: kettle.id, quantity: 1 };
      await expectRemoteFailure(orders.create({ accountId: 'nope', items: [line] }), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ID', field: 'accountId', message: /^accountId must be a UUID/ });
      await expectRemoteFailure(orders.create({ accountId: customerId, items: [] }), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ITEMS', field: 'items', message: /at least one/ });
      await expectRemoteFailure(orders.create({ accountId: customerId, items: Array.from({ length: 101 }, () => ({ productId: newId(), quantity: 1 })) }), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ITEMS', field: 'items', message: /at most 100/ });
      await expectRemoteFailure(orders.create({ accountId: customerId, items: [line, { productId: 'x', quantity: 1 }] }), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ID', field: 'items[1].productId' });
      await expectRemoteFailure(orders.create({ accountId: customerId, items: [{ ...line, quantity: 0 }] }), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_QUANTITY', field: 'items[0].quantity', message: /between 1 and 1000, got 0/ });
      await expectRemoteFailure(orders.create({ accountId: customerId, items: [{ ...line, quantity: 1001 }] }), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_QUANTITY', field: 'items[0].quantity' });
      await expectRemoteFailure(orders.create({ accountId: customerId, items: [line, { productId: newId(), quantity: 1.5 }] }), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_QUANTITY', field: 'items[1].quantity' });
      await expectRemoteFailure(orders.create({ accountId: customerId, items: [{ ...line, quantity: 2 ** 32 + 1 }] }), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_QUANTITY', field: 'items[0].quantity' });
      await expectRemoteFailure(orders.create({ accountId: customerId, items: [line, line] }), { status: status.INVALID_ARGUMENT, code: 'ORDER.DUPLICATE_PRODUCT', field: 'items[1].productId' });
      const yen = await aProduct('Matcha', { amountMinor: 500n, currencyCode: 'JPY' });
      await expectRemoteFailure(orders.create({ accountId: customerId, items: [line, { productId: yen.id, quantity: 1 }] }), { status: status.INVALID_ARGUMENT, code: 'ORDER.MIXED_CURRENCIES', field: 'items', message: /one currency, got JPY, USD/ });
    });

    it('CreateOrder: NOT_FOUND for an unknown account, FAILED_PRECONDITION for unknown and deleted products; nothing is written', async () => {
      const kettle = await aProduct('Kettle for preconditions');
      const gone = await aProduct('Deleted kettle');
      await products.delete(gone.id);
      const stranger = newId();
      await expectRemoteFailure(orders.create({ accountId: stranger, items: [{ productId: kettle.id, quantity: 1 }] }), { status: status.NOT_FOUND, code: 'ORDER.ACCOUNT_NOT_FOUND', field: 'accountId' });
      expect((await orders.list({ accountId: stranger })).orders).toEqual([]);
      await expectRemoteFailure(orders.create({ accountId: customerId, items: [{ productId: kettle.id, quantity: 1 }, { productId: newId(), quantity: 1 }] }), { status: status.FAILED_PRECONDITION, code: 'ORDER.PRODUCT_UNAVAILABLE', field: 'items[1].productId' });
      await expectRemoteFailure(orders.create({ accountId: customerId, items: [{ productId: gone.id, quantity: 1 }] }), { status: status.FAILED_PRECONDITION, code: 'ORDER.PRODUCT_UNAVAILABLE', field: 'items[0].productId', message: /no longer sold/ });
    });

    it('GetOrder, GetOrders, ListOrders, CancelOrder: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION', async () => {
      await expectRemoteFailure(orders.get('bad'), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ID', field: 'id' });
      await expectRemoteFailure(orders.get(newId()), { status: status.NOT_FOUND, code: 'ORDER.NOT_FOUND', message: /not found/ });
      await expectRemoteFailure(orders.getMany(['bad']), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ID', field: 'ids[0]' });
      await expectRemoteFailure(orders.list({ accountId: customerId, pageSize: 101 }), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_PAGE_SIZE', field: 'page_size' });
      await expectRemoteFailure(orders.list({ accountId: customerId, pageToken: 'not-a-token' }), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_PAGE_TOKEN', field: 'page_token' });
      await expectRemoteFailure(orders.list({ accountId: '' }), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ID', field: 'accountId' });
      await expectRemoteFailure(orders.cancel('bad'), { status: status.INVALID_ARGUMENT, code: 'ORDER.INVALID_ID', field: 'id' });
      await expectRemoteFailure(orders.cancel(newId()), { status: status.NOT_FOUND, code: 'ORDER.NOT_FOUND' });
      const kettle = await aProduct('Kettle to cancel');
      const created = await orders.create({ accountId: customerId, items: [{ productId: kettle.id, quantity: 1 }] });
      await orders.cancel(created.id);
      await expectRemoteFailure(orders.cancel(created.id), { status: status.FAILED_PRECONDITION, code: 'ORDER.NOT_CANCELLABLE', message: /is CANCELLED/ });
    });

    it('CreateOrder: UNAVAILABLE (never INTERNAL) when the catalog service cannot be reached', async () => {
      const lonely = await buildOrderApp(orderConfig(await database('order_lonely', MIGRATIONS), '127.0.0.1:1'), logger);
      await lonely.ready;
      const client = OrderClient.connect(`127.0.0.1:${lonely.port}`, quickPolicy);
      try {
        await expectRemoteFailure(client.create({ accountId: customerId, items: [{ productId: newId(), quantity: 1 }] }), { status: status.UNAVAILABLE, code: 'ORDER.DEPENDENCY_UNAVAILABLE', message: /catalog service is unavailable/ });
      } finally {
        client.close();
        await lonely.stop();
      }
    });
  });
});
