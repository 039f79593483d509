import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from '@shop/testing';
import { startShop, type ShopHarness } from './shop-harness.js';

// The stock saga through the public API, with real Postgres and a NATS of its own: an order turns CONFIRMED once
// its stock is reserved (or REJECTED), concurrent orders never oversell, and cancelling releases the stock.

let shop: ShopHarness;
let accountId: string;
beforeAll(async () => {
  shop = await startShop('e2e_saga', { events: true });
  accountId = (await shop.admin<{ createAccount: { id: string } }>('mutation { createAccount(input: { name: "Saga", email: "saga@example.com" }) { id } }')).data!.createAccount.id;
});
afterAll(async () => {
  await shop.stop();
});

async function aProduct(stock: number): Promise<string> {
  const response = await shop.admin<{ createProduct: { id: string } }>('mutation ($s: Int!) { createProduct(input: { name: "Saga kettle", description: "", price: { amount: "9.99", currencyCode: "USD" }, stock: $s }) { id } }', { s: stock });
  return response.data!.createProduct.id;
}

async function placeOrder(productId: string, quantity: number): Promise<string> {
  const response = await shop.admin<{ createOrder: { id: string; status: string } }>('mutation ($a: ID!, $p: ID!, $q: Int!) { createOrder(input: { accountId: $a, items: [{ productId: $p, quantity: $q }] }) { id status } }', { a: accountId, p: productId, q: quantity });
  expect(response.data!.createOrder.status).toBe('PENDING');
  return response.data!.createOrder.id;
}

const statusOf = async (id: string) => (await shop.admin<{ order: { status: string } }>('query ($id: ID!) { order(id: $id) { status } }', { id })).data!.order.status;
const stockOf = async (id: string) => (await shop.admin<{ product: { stock: number } }>('query ($id: ID!) { product(id: $id) { stock } }', { id })).data!.product.stock;

describe('the stock saga', () => {
  it('confirms an order once its stock is reserved, and cancelling releases the stock', async () => {
    const product = await aProduct(5);
    const order = await placeOrder(product, 2);
    await waitFor('the order to be CONFIRMED', async () => (await statusOf(order)) === 'CONFIRMED');
    expect(await stockOf(product)).toBe(3);

    await shop.admin('mutation ($id: ID!) { cancelOrder(id: $id) { status } }', { id: order });
    await waitFor('the stock to be released', async () => (await stockOf(product)) === 5);
    expect(await statusOf(order)).toBe('CANCELLED');
  });

  it('pushes each status change to an orderStatusChanged subscription over WebSocket', async () => {
    const product = await aProduct(4);
    const order = await placeOrder(product, 1);
    const client = createClient({ url: `${shop.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${shop.adminToken}` } });
    const seen: string[] = [];
    try {
      const subscription = client.iterate<{ orderStatusChanged: { id: string; status: string } }>({
        query: 'subscription ($id: ID!) { orderStatusChanged(orderId: $id) { id status } }',
        variables: { id: order },
      });
      const next = subscription.next();
      // The saga may already have confirmed it; cancelling afterwards is a change the subscription must see.
      await waitFor('the order to be CONFIRMED', async () => (await statusOf(order)) === 'CONFIRMED');
      await shop.admin('mutation ($id: ID!) { cancelOrder(id: $id) { id } }', { id: order });
      for (let result = await next; !result.done; result = await subscription.next()) {
        seen.push(result.value.data!.orderStatusChanged.status);
        if (result.value.data!.orderStatusChanged.status === 'CANCELLED') break;
      }
      await subscription.return?.();
    } finally {
      await client.dispose();
    }
    expect(seen.at(-1)).toBe('CANCELLED');
  });

  it('refuses a subscription to an unknown order or a malformed id', async () => {
    const client = createClient({ url: `${shop.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${shop.adminToken}` } });
    try {
      const errorOf = async (id: string) => {
        const subscription = client.iterate({ query: 'subscription ($id: ID!) { orderStatusChanged(orderId: $id) { id } }', variables: { id } });
        const result = await subscription.next();
        return (result.value as { errors?: { extensions?: { code?: string } }[] } | undefined)?.errors?.[0]?.extensions?.code;
      };
      expect(await errorOf('not-an-id')).toBe('BAD_USER_INPUT');
      expect(await errorOf('0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f')).toBe('NOT_FOUND');
    } finally {
      await client.dispose();
    }
  });

  it('rejects an order whose stock is short, changing no stock', async () => {
    const product = await aProduct(1);
    const order = await placeOrder(product, 2);
    await waitFor('the order to be REJECTED', async () => (await statusOf(order)) === 'REJECTED');
    expect(await stockOf(product)).toBe(1);
  });

  it('never oversells: 10 concurrent orders for the last 3 units end 3 CONFIRMED, 7 REJECTED, stock 0', async () => {
    const product = await aProduct(3);
    const orders = await Promise.all(Array.from({ length: 10 }, () => placeOrder(product, 1)));
    await waitFor('every order to be settled', async () => (await Promise.all(orders.map(statusOf))).every((status) => status !== 'PENDING'));
    const statuses = await Promise.all(orders.map(statusOf));
    expect(statuses.filter((status) => status === 'CONFIRMED')).toHaveLength(3);
    expect(statuses.filter((status) => status === 'REJECTED')).toHaveLength(7);
    expect(await stockOf(product)).toBe(0);
  });
});
