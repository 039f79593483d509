import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerCustomer, type Customer } from './access-support.js';
import { graphql, startShop, type ShopHarness } from './shop-harness.js';

// Through the gateway over the real services: concurrent requests share the catalog reads of products (the same
// for everyone), while what depends on the caller is read per request with the caller's own token.

let shop: ShopHarness;
const productIds: string[] = [];
beforeAll(async () => {
  shop = await startShop('e2e_coalescing');
  for (const name of ['Anvil', 'Bellows', 'Chisel', 'Dolly', 'Engraver']) {
    const answer = await shop.admin<{ createProduct: { id: string } }>(
      'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }',
      { input: { name, description: 'Smithing.', price: { amount: '12.50', currencyCode: 'EUR' }, stock: 50 } },
    );
    productIds.push(answer.data!.createProduct.id);
  }
});
afterAll(async () => {
  await shop.stop();
});

const callsOf = (method: string) => shop.counts.get(method) ?? 0;

async function placeOrder(customer: Customer, productId: string): Promise<string> {
  const answer = await graphql<{ createOrder: { id: string } }>(
    shop.url,
    'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id } }',
    { input: { items: [{ productId, quantity: 1 }] } },
    customer.token,
  );
  if (!answer.data) throw new Error(`createOrder failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.createOrder.id;
}

describe('coalesced product reads', () => {
  it('answers 40 concurrent anonymous product(id) requests, each with its own product, in far fewer catalog calls', async () => {
    // Warm the connections first, so the 40 requests go out together rather than behind 40 handshakes.
    await Promise.all(Array.from({ length: 40 }, () => graphql(shop.url, '{ __typename }')));
    shop.counts.clear();
    const asked = Array.from({ length: 40 }, (_, i) => productIds[i % productIds.length]!);
    const answers = await Promise.all(asked.map((id) => graphql<{ product: { id: string; name: string } }>(shop.url, 'query ($id: ID!) { product(id: $id) { id name } }', { id })));
    expect(answers.map((answer) => answer.data?.product.id)).toEqual(asked);
    const calls = callsOf('catalog.getMany');
    expect(calls).toBeGreaterThanOrEqual(1);
    // One call per turn of the gateway's event loop that held requests; never one per request.
    expect(calls).toBeLessThan(20);
  });

  it('answers an unknown product with null beside the others, in requests that share a call', async () => {
    const unknown = '00000000-0000-7000-8000-000000000000';
    const answers = await Promise.all(
      [productIds[0]!, unknown, productIds[1]!].map((id) => graphql<{ product: { id: string } | null }>(shop.url, 'query ($id: ID!) { product(id: $id) { id } }', { id })),
    );
    expect(answers.map((answer) => [answer.data?.product?.id ?? null, answer.errors])).toEqual([
      [productIds[0], undefined],
      [null, undefined],
      [productIds[1], undefined],
    ]);
  });

  it('refuses a malformed id in its own request only (BAD_USER_INPUT on id), before any shared call', async () => {
    const answers = await Promise.all(['not-an-id', productIds[2]!].map((id) => graphql<{ product: { id: string } | null }>(shop.url, 'query ($id: ID!) { product(id: $id) { id } }', { id })));
    expect(answers[0]!.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(answers[1]!.data?.product?.id).toBe(productIds[2]);
  });
});

describe('reads that depend on the caller', () => {
  it('are never shared: concurrent customers each read their own orders with their own token', async () => {
    const customers = await Promise.all(['Ada', 'Brendan', 'Chen', 'Dara'].map((name) => registerCustomer(shop, name)));
    const ordersOf = new Map<string, string>();
    for (const [i, customer] of customers.entries()) ordersOf.set(customer.accountId, await placeOrder(customer, productIds[i]!));
    shop.counts.clear();

    const answers = await Promise.all(
      customers.map((customer) =>
        graphql<{ me: { id: string; orders: { edges: { node: { id: string; items: { product: { id: string } | null }[] } }[] } } }>(
          shop.url,
          '{ me { id orders(first: 10) { edges { node { id items { product { id } } } } } } }',
          {},
          customer.token,
        ),
      ),
    );
    for (const [i, customer] of customers.entries()) {
      const me = answers[i]!.data!.me;
      expect(me.id).toBe(customer.accountId);
      expect(me.orders.edges.map((edge) => edge.node.id)).toEqual([ordersOf.get(customer.accountId)]);
      expect(me.orders.edges[0]!.node.items[0]!.product!.id).toBe(productIds[i]);
    }
    // Each request read its caller's orders itself (one call each, with its own token: the order service
    // answers a customer with that customer's orders only), while the products among them could be shared.
    expect(callsOf('order.listForAccounts')).toBe(customers.length);
    expect(callsOf('catalog.getMany')).toBeLessThanOrEqual(customers.length);
  });
});
