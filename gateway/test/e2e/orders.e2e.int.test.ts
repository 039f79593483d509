import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import { startShop, type ShopHarness } from './shop-harness.js';

// End to end through the gateway: orders, snapshots, deletion, nested batching and the order rules of API.md.

let shop: ShopHarness;
let accountId: string;
beforeAll(async () => {
  shop = await startShop('e2e_orders');
  const created = await shop.admin<{ createAccount: { id: string } }>('mutation { createAccount(input: { name: "Ada", email: "ada@example.com" }) { id } }');
  accountId = created.data!.createAccount.id;
});
afterAll(async () => {
  await shop.stop();
});

const ORDER_FIELDS = `id status total { amount currencyCode } createdAt account { id name }
  items { productId name quantity unitPrice { amount currencyCode } subtotal { amount currencyCode } product { id name } }`;

async function aProduct(name: string, amount = '10.00', currencyCode = 'USD'): Promise<string> {
  const response = await shop.admin<{ createProduct: { id: string } }>('mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
    input: { name, description: `${name} for the order tests.`, price: { amount, currencyCode }, stock: 1000 },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.createProduct.id;
}

function createOrder(items: { productId: string; quantity: number }[], account = accountId) {
  return shop.admin<{ createOrder: { id: string; status: string; total: { amount: string }; items: { name: string; product: { id: string } | null; unitPrice: { amount: string }; subtotal: { amount: string } }[] } }>(
    `mutation ($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER_FIELDS} } }`,
    { input: { accountId: account, items } },
  );
}

function expectError(response: { errors?: { extensions?: { code?: string; field?: string } }[] }, code: string, field?: string) {
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.extensions).toMatchObject(field === undefined ? { code } : { code, field });
}

describe('orders through the gateway', () => {
  it('creates a PENDING order with snapshots and exact subtotals and total', async () => {
    const kettle = await aProduct('Kettle', '19.99');
    const spoon = await aProduct('Spoon', '0.10');
    const response = await createOrder([{ productId: kettle, quantity: 3 }, { productId: spoon, quantity: 3 }]);
    expect(response.errors).toBeUndefined();
    expect(response.data!.createOrder).toMatchObject({
      status: 'PENDING',
      account: { id: accountId, name: 'Ada' },
      total: { amount: '60.27', currencyCode: 'USD' },
      items: [
        { productId: kettle, name: 'Kettle', quantity: 3, unitPrice: { amount: '19.99', currencyCode: 'USD' }, subtotal: { amount: '59.97', currencyCode: 'USD' }, product: { id: kettle, name: 'Kettle' } },
        { productId: spoon, name: 'Spoon', quantity: 3, unitPrice: { amount: '0.10', currencyCode: 'USD' }, subtotal: { amount: '0.30', currencyCode: 'USD' }, product: { id: spoon, name: 'Spoon' } },
      ],
    });
  });

  it('keeps totals exact at the largest size the limits allow', async () => {
    const ids = await Promise.all(Array.from({ length: 100 }, (_, i) => aProduct(`Gold bar ${i}`, '1000000.00')));
    const response = await createOrder(ids.map((productId) => ({ productId, quantity: 1000 })));
    expect(response.data!.createOrder.total.amount).toBe('100000000000.00');
  });

  it('keeps the name and price snapshot after the product changes, and shows product: null once it is deleted', async () => {
    const lamp = await aProduct('Desk lamp', '74.00');
    const { id } = (await createOrder([{ productId: lamp, quantity: 1 }])).data!.createOrder;
    await shop.admin('mutation ($id: ID!) { updateProduct(id: $id, input: { name: "Renamed lamp", price: { amount: "99.00", currencyCode: "USD" } }) { id } }', { id: lamp });
    const changed = await shop.admin<{ order: { items: { name: string; unitPrice: { amount: string }; product: { name: string } | null }[] } }>(`query ($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`, { id });
    expect(changed.data!.order.items[0]).toMatchObject({ name: 'Desk lamp', unitPrice: { amount: '74.00' }, product: { name: 'Renamed lamp' } });

    await shop.admin('mutation ($id: ID!) { deleteProduct(id: $id) }', { id: lamp });
    const deleted = await shop.admin<{ order: { items: { name: string; product: unknown }[] } }>(`query ($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`, { id });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.order.items[0]).toMatchObject({ name: 'Desk lamp', product: null });
    expectError(await createOrder([{ productId: lamp, quantity: 1 }]), 'FAILED_PRECONDITION', 'items[0].productId');
  });

  it('cancels an order once', async () => {
    const { id } = (await createOrder([{ productId: await aProduct('Candle'), quantity: 2 }])).data!.createOrder;
    const cancelled = await shop.admin<{ cancelOrder: { status: string } }>('mutation ($id: ID!) { cancelOrder(id: $id) { status } }', { id });
    expect(cancelled.data!.cancelOrder.status).toBe('CANCELLED');
    expectError(await shop.admin('mutation ($id: ID!) { cancelOrder(id: $id) { status } }', { id }), 'FAILED_PRECONDITION');
    expectError(await shop.admin('mutation ($id: ID!) { cancelOrder(id: $id) { status } }', { id: newId() }), 'NOT_FOUND');
    expectError(await shop.admin('mutation { cancelOrder(id: "x") { status } }'), 'BAD_USER_INPUT', 'id');
  });

  it('refuses bad orders with the right code and field, and writes nothing', async () => {
    const kettle = await aProduct('Refusal kettle');
    const yen = await aProduct('Matcha', '500', 'JPY');
    const countOrders = async () =>
      (await shop.admin<{ orders: { edges: unknown[] } }>('query ($a: ID!) { orders(accountId: $a, first: 100) { edges { cursor } } }', { a: accountId })).data!.orders.edges.length;
    const before = await countOrders();
    expectError(await createOrder([{ productId: kettle, quantity: 0 }]), 'BAD_USER_INPUT', 'items[0].quantity');
    expectError(await createOrder([{ productId: kettle, quantity: 1001 }]), 'BAD_USER_INPUT', 'items[0].quantity');
    expectError(await createOrder([]), 'BAD_USER_INPUT', 'items');
    expectError(await createOrder(Array.from({ length: 101 }, () => ({ productId: newId(), quantity: 1 }))), 'BAD_USER_INPUT', 'items');
    expectError(await createOrder([{ productId: kettle, quantity: 1 }, { productId: yen, quantity: 1 }]), 'BAD_USER_INPUT', 'items');
    expectError(await createOrder([{ productId: kettle, quantity: 1 }, { productId: kettle, quantity: 2 }]), 'BAD_USER_INPUT', 'items[1].productId');
    expectError(await createOrder([{ productId: 'not-a-uuid', quantity: 1 }]), 'BAD_USER_INPUT', 'items[0].productId');
    expectError(await createOrder([{ productId: newId(), quantity: 1 }]), 'FAILED_PRECONDITION', 'items[0].productId');
    expectError(await createOrder([{ productId: kettle, quantity: 1 }], newId()), 'NOT_FOUND', 'accountId');
    expectError(await createOrder([{ productId: kettle, quantity: 1 }], 'nope'), 'BAD_USER_INPUT', 'accountId');
    expect(await countOrders()).toBe(before);
  });

  it('answers null for an unknown order and pages an account’s orders', async () => {
    expect((await shop.admin('query ($id: ID!) { order(id: $id) { id } }', { id: newId() })).data).toEqual({ order: null });
    expectError(await shop.admin('query { order(id: "1") { id } }'), 'BAD_USER_INPUT', 'id');
    const pageOne = await shop.admin<{ orders: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      'query ($a: ID!) { orders(accountId: $a, first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      { a: accountId },
    );
    expect(pageOne.data!.orders.edges).toHaveLength(2);
    expect(pageOne.data!.orders.pageInfo.hasNextPage).toBe(true);
    const pageTwo = await shop.admin<{ orders: { edges: { node: { id: string } }[] } }>('query ($a: ID!, $after: String) { orders(accountId: $a, first: 2, after: $after) { edges { node { id } } } }', {
      a: accountId,
      after: pageOne.data!.orders.pageInfo.endCursor,
    });
    const ids = [...pageOne.data!.orders.edges, ...pageTwo.data!.orders.edges].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expectError(await shop.admin('query { orders(accountId: "bad") { edges { cursor } } }'), 'BAD_USER_INPUT', 'accountId');
  });

  it('batches nested fields: 50 orders with accounts and products cost one call per service per level', async () => {
    const customers: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const created = await shop.admin<{ createAccount: { id: string } }>('mutation ($e: String!) { createAccount(input: { name: "Batch", email: $e }) { id } }', { e: `batch${i}@example.com` });
      customers.push(created.data!.createAccount.id);
    }
    const productIds = await Promise.all(Array.from({ length: 6 }, (_, i) => aProduct(`Batch product ${i}`)));
    for (let i = 0; i < 50; i += 1) {
      await createOrder([{ productId: productIds[i % 6]!, quantity: 1 }, { productId: productIds[(i + 1) % 6]!, quantity: 2 }], customers[i % 5]!);
    }
    shop.counts.clear();
    const response = await shop.admin<{ accounts: { edges: { node: { orders: { edges: { node: { account: { id: string }; items: { product: { name: string } | null }[] } }[] } } }[] } }>(
      // Pages sized to stay inside the cost limit (20,642 of 50,000: each order counts as 100 lines at worst).
      `{ accounts(first: 10) { edges { node { id orders(first: 10) { edges { node { id account { id name } items { product { name } } } } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const orderCount = response.data!.accounts.edges.reduce((n, edge) => n + edge.node.orders.edges.length, 0);
    expect(orderCount).toBeGreaterThanOrEqual(50);
    expect(Object.fromEntries(shop.counts)).toEqual({
      'account.list': 1,
      'order.listForAccounts': 1,
      'account.getMany': 1,
      'catalog.getMany': 1,
    });
  });
});
