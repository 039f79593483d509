import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CallContext } from '@shop/grpc-kit';
import { createLogger } from '@shop/logger';
import { encodeCursor } from '@shop/pagination';
import { buildGatewayApp, type GatewayApp } from '../../src/app.js';
import { PRODUCTS, productSearch } from '../../src/connections/cursor-lists.js';
import { CursorSigner } from '../../src/connections/cursor-signer.js';
import { countCalls, type CallLog } from '../counting-clients.js';
import { registerCustomer, type Customer } from './access-support.js';
import { graphql, startShop, type GraphQLResponse, type ShopHarness } from './shop-harness.js';

// End to end through the gateway: every cursor is signed and names its list. A modified cursor, one of another
// list (another account's orders, another search text) or one with values out of range is BAD_USER_INPUT on
// `after`, and no service is called. A second gateway over the same services, with a CURSOR_SECRET the test
// knows, shows that a correctly signed cursor with forged values is refused all the same.

const SECRET = 'the cursor secret of this test, 32+ characters';
let shop: ShopHarness;
let admin: CallContext;
let keyed: { gateway: GatewayApp; url: string; calls: CallLog };
let ada: Customer;
let bob: Customer;

beforeAll(async () => {
  shop = await startShop('e2e_cursors');
  admin = { authorization: `Bearer ${shop.adminToken}` };
  const counted = countCalls(shop.clients);
  const unused = '127.0.0.1:9';
  const gateway = await buildGatewayApp(
    { GATEWAY_PORT: 0, ACCOUNT_GRPC_ADDRESS: unused, CATALOG_GRPC_ADDRESS: unused, ORDER_GRPC_ADDRESS: unused, SHUTDOWN_GRACE_MS: 1_000, CURSOR_SECRET: SECRET },
    { clients: counted.clients, authentication: shop.gatewayAuthentication },
    createLogger('e2e-cursors-test', 'silent'),
  );
  keyed = { gateway, url: `http://127.0.0.1:${gateway.port}`, calls: counted.calls };
  for (let n = 0; n < 5; n += 1) {
    await shop.clients.catalog.create({ name: `Zephyr cursor kettle ${n}`, description: 'Signed.', price: { amountMinor: 500n, currencyCode: 'EUR' }, stock: 50 }, admin);
  }
  [ada, bob] = [await registerCustomer(shop, 'Ada'), await registerCustomer(shop, 'Bob')];
  const productId = (await shop.clients.catalog.list({ pageSize: 1 })).products[0]!.id;
  for (const customer of [ada, ada, ada, bob]) {
    await shop.clients.orders.create({ items: [{ productId, quantity: 1 }] }, { authorization: `Bearer ${customer.token}` });
  }
}, 60_000);
afterAll(async () => {
  await keyed.gateway.stop();
  await shop.stop();
});

type Page = { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const PAGE = 'edges { cursor node { id } } pageInfo { hasNextPage endCursor }';
const PRODUCTS_QUERY = `query ($query: String, $first: Int, $after: String) { products(query: $query, first: $first, after: $after) { ${PAGE} } }`;
const ORDERS_QUERY = `query ($accountId: ID!, $after: String) { orders(accountId: $accountId, first: 2, after: $after) { ${PAGE} } }`;

/** Runs a query as the admin on the shop's gateway, after forgetting the calls made so far. */
async function counted<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  shop.counts.clear();
  return shop.admin<T>(query, variables);
}

/** Expects one BAD_USER_INPUT on `after` and no service call at all. */
function expectRefusedBeforeAnyCall(answer: GraphQLResponse): void {
  expect(answer.errors?.map((error) => [error.extensions?.code, error.extensions?.field, error.extensions?.errorCode])).toEqual([['BAD_USER_INPUT', 'after', 'GATEWAY.INVALID_CURSOR']]);
  expect(Object.fromEntries(shop.counts)).toEqual({});
}

describe('signed cursors', () => {
  it('page through products, list and search, with short opaque cursors', async () => {
    for (const query of [null, 'zephyr']) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const answer: GraphQLResponse<{ products: Page }> = await shop.admin(PRODUCTS_QUERY, { query, first: 2, after });
        expect(answer.errors).toBeUndefined();
        seen.push(...answer.data!.products.edges.map((edge) => edge.node.id));
        if (!answer.data!.products.pageInfo.hasNextPage) break;
        after = answer.data!.products.pageInfo.endCursor;
        expect(after!.length).toBeLessThan(200);
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('refuse a modified cursor: its service token, its count or its signature', async () => {
    const page = (await shop.admin<{ products: Page }>(PRODUCTS_QUERY, { first: 2 })).data!.products;
    const [token, skip, mac] = page.pageInfo.endCursor!.split('.') as [string, string, string];
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const edge = page.edges[0]!.cursor;
    for (const after of [`${flip(token, 10)}.${skip}.${mac}`, `${token}.1.${mac}`, `${token}.${skip}.${flip(mac, 3)}`, `${edge}x`, token, 'garbage']) {
      expectRefusedBeforeAnyCall(await counted(PRODUCTS_QUERY, { first: 2, after }));
    }
  });

  it("refuse a cursor of another list: another search text, the list's in a search and back", async () => {
    const search = (await shop.admin<{ products: Page }>(PRODUCTS_QUERY, { query: 'zephyr', first: 1 })).data!.products.pageInfo.endCursor;
    const list = (await shop.admin<{ products: Page }>(PRODUCTS_QUERY, { first: 1 })).data!.products.pageInfo.endCursor;
    expect((await counted<{ products: Page }>(PRODUCTS_QUERY, { query: 'zephyr', first: 1, after: search })).errors).toBeUndefined();
    expectRefusedBeforeAnyCall(await counted(PRODUCTS_QUERY, { query: 'zephyr cursor', first: 1, after: search }));
    expectRefusedBeforeAnyCall(await counted(PRODUCTS_QUERY, { query: 'Zephyr', first: 1, after: search }));
    expectRefusedBeforeAnyCall(await counted(PRODUCTS_QUERY, { first: 1, after: search }));
    expectRefusedBeforeAnyCall(await counted(PRODUCTS_QUERY, { query: 'zephyr', first: 1, after: list }));
    expectRefusedBeforeAnyCall(await counted(`query ($after: String) { accounts(after: $after) { ${PAGE} } }`, { after: list }));
  });

  it("refuse one account's orders cursor for another account's orders, and take the account id in any case", async () => {
    const adas = (await shop.admin<{ orders: Page }>(ORDERS_QUERY, { accountId: ada.accountId })).data!.orders;
    expect(adas.pageInfo.hasNextPage).toBe(true);
    expectRefusedBeforeAnyCall(await counted(ORDERS_QUERY, { accountId: bob.accountId, after: adas.pageInfo.endCursor }));
    const next = await counted<{ orders: Page }>(ORDERS_QUERY, { accountId: ada.accountId.toUpperCase(), after: adas.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    expect(next.data!.orders.edges).toHaveLength(1);
    const nested = await counted<{ account: { orders: Page } }>(`query ($id: ID!, $after: String) { account(id: $id) { orders(first: 2, after: $after) { ${PAGE} } } }`, {
      id: ada.accountId,
      after: adas.edges[0]!.cursor,
    });
    expect(nested.data!.account.orders.edges.map((edge) => edge.node.id)).toEqual([adas.edges[1]!.node.id, next.data!.orders.edges[0]!.node.id]);
  });

  it("refuse a customer's own cursor replayed on another account's orders", async () => {
    const own = await graphql<{ orders: Page }>(shop.url, ORDERS_QUERY, { accountId: ada.accountId }, ada.token);
    shop.counts.clear();
    expectRefusedBeforeAnyCall(await graphql(shop.url, ORDERS_QUERY, { accountId: bob.accountId, after: own.data!.orders.pageInfo.endCursor }, ada.token));
  });

  it('refuse a cursor another gateway key signed', async () => {
    const foreign = await graphql<{ products: Page }>(keyed.url, PRODUCTS_QUERY, { first: 1 }, shop.adminToken);
    expectRefusedBeforeAnyCall(await counted(PRODUCTS_QUERY, { first: 1, after: foreign.data!.products.pageInfo.endCursor }));
  });

  it('refuse a correctly signed cursor whose values are out of range, before any call', async () => {
    const signer = new CursorSigner(SECRET);
    const id = (await shop.clients.catalog.list({ pageSize: 1 })).products[0]!.id;
    const now = new Date().toISOString();
    const forged = [
      [PRODUCTS, null, encodeCursor(['0001-01-01T00:00:00.000Z', id])],
      [PRODUCTS, null, encodeCursor([new Date(8.64e15).toISOString(), id])],
      [PRODUCTS, null, encodeCursor([now, 'not-an-id'])],
      [productSearch('zephyr'), 'zephyr', encodeCursor(['NaN', now, id])],
      [productSearch('zephyr'), 'zephyr', encodeCursor(['1e999', now, id])],
      [productSearch('zephyr'), 'zephyr', encodeCursor(['-0.5', now, id])],
    ] as const;
    for (const [list, query, pageToken] of forged) {
      keyed.calls.length = 0;
      const answer = await graphql(keyed.url, PRODUCTS_QUERY, { query, first: 1, after: signer.sign(list, { pageToken, skip: 0 }) }, shop.adminToken);
      expect(answer.errors?.map((error) => [error.extensions?.code, error.extensions?.field, error.message])).toEqual([['BAD_USER_INPUT', 'after', 'after holds values out of range']]);
      expect(keyed.calls).toEqual([]);
    }
    // The same signer's cursor with sound values works: the refusals above are about the values alone.
    keyed.calls.length = 0;
    const sound = await graphql<{ products: Page }>(keyed.url, PRODUCTS_QUERY, { first: 1, after: signer.sign(PRODUCTS, { pageToken: encodeCursor([now, id.toUpperCase()]), skip: 0 }) }, shop.adminToken);
    expect(sound.errors).toBeUndefined();
    expect(keyed.calls).toEqual(['catalog.list']);
  });

  it('answer ids in lower case whatever case they were asked in', async () => {
    const read = await shop.admin<{ orders: { edges: { node: { id: string; account: { id: string } } }[] }; account: { id: string } }>(
      'query ($id: ID!) { orders(accountId: $id, first: 1) { edges { node { id account { id } } } } account(id: $id) { id } }',
      { id: ada.accountId.toUpperCase() },
    );
    expect(read.data!.account.id).toBe(ada.accountId);
    expect(read.data!.orders.edges[0]!.node.account.id).toBe(ada.accountId);
    expect(read.data!.orders.edges[0]!.node.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
