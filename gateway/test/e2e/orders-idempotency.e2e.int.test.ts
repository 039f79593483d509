import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerCustomer, type Customer } from './access-support.js';
import { graphql, startShop, type ShopHarness } from './shop-harness.js';

// createOrder's idempotencyKey through the gateway (API.md): the same key from the same account within 24 hours
// answers the first order and creates nothing; the same key with other items is CONFLICT. Without a key the gateway
// makes one per request, so a client's own resend is a new order.

let shop: ShopHarness;
let kettle: string;
let mug: string;

beforeAll(async () => {
  shop = await startShop('e2e_orders_idempotency');
  const product = async (name: string) =>
    (
      await shop.admin<{ createProduct: { id: string } }>('mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
        input: { name, description: `${name} for the idempotency tests.`, price: { amount: '12.50', currencyCode: 'USD' }, stock: 1000 },
      })
    ).data!.createProduct.id;
  kettle = await product('Kettle');
  mug = await product('Mug');
});

afterAll(async () => {
  await shop?.stop();
});

type Placed = { createOrder: { id: string; status: string } };

function createOrder(customer: Customer, items: { productId: string; quantity: number }[], idempotencyKey?: string) {
  const input = idempotencyKey === undefined ? { items } : { items, idempotencyKey };
  return graphql<Placed>(shop.url, 'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id status } }', { input }, customer.token);
}

async function orderIdsOf(customer: Customer): Promise<string[]> {
  const answer = await graphql<{ orders: { edges: { node: { id: string } }[] } }>(
    shop.url,
    'query ($accountId: ID!) { orders(accountId: $accountId, first: 100) { edges { node { id } } } }',
    { accountId: customer.accountId },
    customer.token,
  );
  return answer.data!.orders.edges.map((edge) => edge.node.id);
}

describe('createOrder with an idempotencyKey through the gateway', () => {
  it('answers a resend with the first order, also once it was cancelled, and creates nothing', async () => {
    const ada = await registerCustomer(shop, 'Ada');
    const items = [{ productId: kettle, quantity: 1 }, { productId: mug, quantity: 2 }];
    const first = (await createOrder(ada, items, 'checkout-ada-1')).data!.createOrder;
    const resent = await createOrder(ada, items, 'checkout-ada-1');
    expect(resent.errors).toBeUndefined();
    expect(resent.data!.createOrder).toEqual(first);
    await graphql(shop.url, 'mutation ($id: ID!) { cancelOrder(id: $id) { id } }', { id: first.id }, ada.token);
    expect((await createOrder(ada, items, 'checkout-ada-1')).data!.createOrder).toEqual({ id: first.id, status: 'CANCELLED' });
    expect(await orderIdsOf(ada)).toEqual([first.id]);
  });

  it('answers CONFLICT on idempotencyKey for the same key with other items', async () => {
    const grace = await registerCustomer(shop, 'Grace');
    await createOrder(grace, [{ productId: kettle, quantity: 1 }], 'checkout-grace');
    const conflict = await createOrder(grace, [{ productId: kettle, quantity: 2 }], 'checkout-grace');
    expect(conflict.errors).toHaveLength(1);
    expect(conflict.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(await orderIdsOf(grace)).toHaveLength(1);
  });

  it('creates one order for ten concurrent requests with one key', async () => {
    const linus = await registerCustomer(shop, 'Linus');
    const answers = await Promise.all(Array.from({ length: 10 }, () => createOrder(linus, [{ productId: mug, quantity: 1 }], 'double-submit')));
    expect(new Set(answers.map((answer) => answer.data?.createOrder.id)).size).toBe(1);
    expect(await orderIdsOf(linus)).toHaveLength(1);
  });

  it('keeps keys apart per account', async () => {
    const [one, two] = [await registerCustomer(shop, 'One'), await registerCustomer(shop, 'Two')];
    const mine = (await createOrder(one, [{ productId: kettle, quantity: 1 }], 'same-key')).data!.createOrder;
    const theirs = (await createOrder(two, [{ productId: kettle, quantity: 1 }], 'same-key')).data!.createOrder;
    expect(theirs.id).not.toBe(mine.id);
  });

  it('makes a new order for each request without a key: the gateway key covers only its own retries', async () => {
    const barbara = await registerCustomer(shop, 'Barbara');
    await createOrder(barbara, [{ productId: kettle, quantity: 1 }]);
    await createOrder(barbara, [{ productId: kettle, quantity: 1 }]);
    expect(await orderIdsOf(barbara)).toHaveLength(2);
  });

  it.each([
    ['an empty key', ''],
    ['101 characters', 'k'.repeat(101)],
    ['a NUL character', 'key\u0000'],
  ])('answers BAD_USER_INPUT on idempotencyKey for %s, and creates nothing', async (_case, key) => {
    const edsger = await registerCustomer(shop, 'Edsger');
    const refused = await createOrder(edsger, [{ productId: kettle, quantity: 1 }], key);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(await orderIdsOf(edsger)).toEqual([]);
  });
});
