import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CallContext } from '@shop/grpc-kit';
import { newId } from '@shop/ids';
import { registerCustomer, type Customer } from './access-support.js';
import { graphql, startShop, type GraphQLResponse, type ShopHarness } from './shop-harness.js';

// End to end through the gateway: history fields and *History queries take `first` and `afterVersion`, answer oldest
// first, and nested history is batched: one ListHistories call per service per nesting level, counted on the
// gateway's clients.

let shop: ShopHarness;
let admin: CallContext;
beforeAll(async () => {
  shop = await startShop('e2e_history_pages');
  admin = { authorization: `Bearer ${shop.adminToken}` };
});
afterAll(async () => {
  await shop.stop();
});

type Versions = { version: number }[];
const versions = (entries: Versions) => entries.map((entry) => entry.version);

/** A product with `changes` stock changes after its creation (versions 1..changes + 1), made without the gateway. */
async function aProductWith(changes: number, name = 'History lamp'): Promise<string> {
  const product = await shop.clients.catalog.create({ name, description: 'For history pages.', price: { amountMinor: 1000n, currencyCode: 'USD' }, stock: 100 }, admin);
  for (let n = 1; n <= changes; n += 1) await shop.clients.catalog.update(product.id, { stock: n }, admin);
  return product.id;
}

async function anOrderOf(customer: Customer): Promise<string> {
  const auth = { authorization: `Bearer ${customer.token}` };
  return (await shop.clients.orders.create({ items: [{ productId: await aProductWith(0, 'Ordered lamp'), quantity: 1 }] }, auth)).id;
}

/** Runs `query` as the admin, after forgetting the calls made so far. */
async function counted<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  shop.counts.clear();
  return shop.admin<T>(query, variables);
}

function expectInputError(answer: GraphQLResponse, field: string): void {
  expect(answer.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([['BAD_USER_INPUT', field]]);
}

describe('history pages through the gateway', () => {
  it('answers oldest first: 50 by default, `first` entries after `afterVersion` when asked', async () => {
    const id = await aProductWith(54);
    const read = await counted<{ all: Versions; page: Versions; rest: Versions; none: Versions; product: { history: Versions } }>(
      `query ($id: ID!) {
        all: productHistory(id: $id) { version }
        page: productHistory(id: $id, first: 2, afterVersion: 1) { version }
        rest: productHistory(id: $id, afterVersion: 50) { version }
        none: productHistory(id: $id, afterVersion: 55) { version }
        product(id: $id) { history(first: 3, afterVersion: 52) { version } }
      }`,
      { id: id.toUpperCase() },
    );
    expect(read.errors).toBeUndefined();
    expect(versions(read.data!.all)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(versions(read.data!.page)).toEqual([2, 3]);
    expect(versions(read.data!.rest)).toEqual([51, 52, 53, 54, 55]);
    expect(read.data!.none).toEqual([]);
    expect(versions(read.data!.product.history)).toEqual([53, 54, 55]);
  });

  it('costs one catalog history call for the history of a page of 50 products', async () => {
    for (let n = 0; n < 50; n += 1) await aProductWith(n % 3);
    const read = await counted<{ products: { edges: { node: { history: Versions } }[] } }>('{ products(first: 50) { edges { node { history { version } } } } }');
    expect(read.errors).toBeUndefined();
    expect(read.data!.products.edges).toHaveLength(50);
    expect(read.data!.products.edges.every((edge) => edge.node.history.length >= 1)).toBe(true);
    expect(Object.fromEntries(shop.counts)).toEqual({ 'catalog.list': 1, 'catalog.histories': 1 });
  });

  it('costs one call per distinct page: aliases with the same arguments share it', async () => {
    await aProductWith(2);
    const read = await counted<{ products: { edges: { node: { a: Versions; b: Versions; c: Versions } }[] } }>(
      '{ products(first: 10) { edges { node { a: history(first: 1) { version } b: history(first: 1) { version } c: history(afterVersion: 1) { version } } } } }',
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.products.edges.every((edge) => versions(edge.node.a).join() === '1' && edge.node.c.every((entry) => entry.version > 1))).toBe(true);
    expect(Object.fromEntries(shop.counts)).toEqual({ 'catalog.list': 1, 'catalog.histories': 2 });
  });

  it('batches each nesting level: accounts, their orders and both histories cost one call each', async () => {
    const customers = [await registerCustomer(shop, 'Nested'), await registerCustomer(shop, 'Nested')];
    for (const customer of customers) for (let n = 0; n < 3; n += 1) await anOrderOf(customer);
    const read = await counted<{ accounts: { edges: { node: { history: Versions; orders: { edges: { node: { history: Versions } }[] } } }[] } }>(
      '{ accounts(first: 100) { edges { node { history { version } orders(first: 5) { edges { node { history { version } } } } } } } }',
    );
    expect(read.errors).toBeUndefined();
    const orderHistories = read.data!.accounts.edges.flatMap((edge) => edge.node.orders.edges.map((order) => order.node.history));
    expect(orderHistories.length).toBeGreaterThanOrEqual(6);
    expect(orderHistories.every((history) => history[0]?.version === 1)).toBe(true);
    expect(Object.fromEntries(shop.counts)).toEqual({ 'account.list': 1, 'account.histories': 1, 'order.listForAccounts': 1, 'order.histories': 1 });
  });

  it("gives a customer its own records' history and empty pages for others', in one call", async () => {
    const [ada, bob] = [await registerCustomer(shop, 'Ada'), await registerCustomer(shop, 'Bob')];
    const [adas, bobs] = [await anOrderOf(ada), await anOrderOf(bob)];
    shop.counts.clear();
    const read = await graphql<{ mine: Versions; theirs: Versions; me: Versions; bob: Versions }>(
      shop.url,
      `query ($mine: ID!, $theirs: ID!, $me: ID!, $bob: ID!) {
        mine: orderHistory(id: $mine) { version } theirs: orderHistory(id: $theirs) { version }
        me: accountHistory(id: $me) { version } bob: accountHistory(id: $bob) { version }
      }`,
      { mine: adas.toUpperCase(), theirs: bobs, me: ada.accountId, bob: bob.accountId },
      ada.token,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ mine: [{ version: 1 }], theirs: [], me: [{ version: 1 }], bob: [] });
    expect(Object.fromEntries(shop.counts)).toEqual({ 'order.histories': 1, 'account.histories': 1 });
  });

  it.each([
    ['first: 0', 'first', '{ productHistory(id: "ID", first: 0) { version } }'],
    ['first: 101', 'first', '{ productHistory(id: "ID", first: 101) { version } }'],
    ['afterVersion: -1', 'afterVersion', '{ productHistory(id: "ID", afterVersion: -1) { version } }'],
    ['a nested first: 101', 'first', '{ products(first: 1) { edges { node { history(first: 101) { version } } } } }'],
    ['a nested afterVersion: -5', 'afterVersion', '{ products(first: 1) { edges { node { history(afterVersion: -5) { version } } } } }'],
  ])('refuses %s as BAD_USER_INPUT on it, without a history call', async (_case, field, query) => {
    await aProductWith(0);
    const answer = await counted(query.replace('ID', newId()));
    expectInputError(answer, field);
    expect(shop.counts.get('catalog.histories')).toBeUndefined();
  });

  it('refuses an afterVersion that is no 32-bit integer before execution', async () => {
    const answer = await counted('query ($v: Int) { productHistory(id: "0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f", afterVersion: $v) { version } }', { v: 2 ** 53 });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(shop.counts.size).toBe(0);
  });
});
