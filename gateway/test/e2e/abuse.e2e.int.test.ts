import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerCustomer } from './access-support.js';
import { graphql, startShop, type GraphQLResponse, type ShopHarness } from './shop-harness.js';

// API.md "Abuse", end to end through a whole shop: hostile queries are refused before any service is called,
// and hostile text and numbers are BAD_USER_INPUT on their field, with nothing written.

let shop: ShopHarness;
let productIds: string[];

beforeAll(async () => {
  shop = await startShop('e2e_abuse');
  productIds = [];
  for (const name of ['Kettle', 'Teapot', 'Mug']) {
    const created = await shop.admin<{ createProduct: { id: string } }>('mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { name, description: 'Sample.', price: { amount: '9.99', currencyCode: 'USD' }, stock: 10 },
    });
    productIds.push(created.data!.createProduct.id);
  }
});

afterAll(async () => {
  await shop.stop();
});

/** The first error of an answer as [code, field]. */
const firstError = (answer: GraphQLResponse<unknown>) => [answer.errors?.[0]?.extensions?.code, answer.errors?.[0]?.extensions?.field];

/** How many calls the gateway has made to the services since the counts were last cleared. */
const serviceCalls = () => [...shop.counts.values()].reduce((total, count) => total + count, 0);

describe('queries that would fan out', () => {
  it('refuses 200 aliased histories inside products(first: 50) without calling any service', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `h${i}: history { eventId eventType version occurredAt }`).join(' ');
    shop.counts.clear();
    const answer = await shop.admin(`{ products(first: 50) { edges { node { ${aliases} } } } }`);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(serviceCalls()).toBe(0);
  });

  it("runs the README's admin query over real data", async () => {
    const answer = await shop.admin(`{
      accounts(first: 3) {
        edges { node { name email orders(first: 2) { edges { node { status total { amount currencyCode }
          items { name quantity unitPrice { amount } subtotal { amount } product { name } } } } } } }
        pageInfo { hasNextPage endCursor }
      }
    }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ accounts: expect.objectContaining({ edges: expect.any(Array) }) });
  });
});

describe('names', () => {
  it.each([
    ['only zero-width spaces', '\u200B\u200B\u200B', /visible character/],
    ['a right-to-left override', 'Eve\u202Enilam', /bidirectional/],
  ])('refuses a customer name of %s, and registers nobody', async (_case, name, message) => {
    const email = `hostile-${Math.random().toString(36).slice(2)}@example.com`;
    const register = 'mutation ($input: RegisterInput!) { register(input: $input) { account { id name } } }';
    const refused = await graphql(shop.url, register, { input: { name, email, password: 'password-12345' } });
    expect(firstError(refused)).toEqual(['BAD_USER_INPUT', 'name']);
    expect(refused.errors?.[0]?.message).toMatch(message);
    // Nothing was written: the same email registers with a proper name.
    const accepted = await graphql<{ register: { account: { name: string } } }>(shop.url, register, { input: { name: 'Eve', email, password: 'password-12345' } });
    expect(accepted.data?.register.account.name).toBe('Eve');
  });

  it('refuses an unpaired surrogate at the gateway, which gRPC would otherwise turn into U+FFFD', async () => {
    const customer = await registerCustomer(shop, 'Plain');
    shop.counts.clear();
    const answer = await graphql(shop.url, 'mutation ($id: ID!, $input: UpdateAccountInput!) { updateAccount(id: $id, input: $input) { name } }', { id: customer.accountId, input: { name: 'Plain\uDC00' } }, customer.token);
    expect(firstError(answer)).toEqual(['BAD_USER_INPUT', 'input.name']);
    expect(serviceCalls()).toBe(0);
    const me = await graphql<{ me: { name: string } }>(shop.url, '{ me { name } }', {}, customer.token);
    expect(me.data?.me.name).toBe('Plain');
  });

  it.each([
    ['createProduct', 'a name of only zero-width joiners', 'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }', () => ({ input: { name: '\u200D\u200D', description: 'x', price: { amount: '1.00', currencyCode: 'USD' }, stock: 1 } })],
    ['updateProduct', 'a name with an isolate', 'mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }', () => ({ id: productIds[0], input: { name: 'Kettle\u2067x' } })],
  ])('%s refuses %s, naming the field', async (_mutation, _case, query, variables) => {
    const answer = await shop.admin(query, variables());
    expect(firstError(answer)).toEqual(['BAD_USER_INPUT', 'name']);
    const product = await shop.admin<{ product: { name: string } }>('query ($id: ID!) { product(id: $id) { name } }', { id: productIds[0] });
    expect(product.data?.product.name).toBe('Kettle');
  });
});

describe('numbers', () => {
  it('refuses a 900,000-digit price before reading it, and keeps answering', async () => {
    shop.counts.clear();
    const started = performance.now();
    const answer = await shop.admin('mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }', {
      id: productIds[1],
      input: { price: { amount: '9'.repeat(900_000), currencyCode: 'USD' } },
    });
    process.stdout.write(`a 900,000-digit price was refused in ${Math.round(performance.now() - started)} ms, end to end\n`);
    expect(firstError(answer)).toEqual(['BAD_USER_INPUT', 'price.amount']);
    expect(serviceCalls()).toBe(0);
    const product = await shop.admin<{ product: { price: { amount: string } } }>('query ($id: ID!) { product(id: $id) { price { amount } } }', { id: productIds[1] });
    expect(product.data?.product.price.amount).toBe('9.99');
  });

  it('answers a createOrder with more than 50 bad values as one 400 of BAD_USER_INPUT errors, creating nothing', async () => {
    const customer = await registerCustomer(shop, 'Fuzzer');
    const items = Array.from({ length: 60 }, () => ({ productId: productIds[0], quantity: 'lots' }));
    const response = await fetch(`${shop.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}` },
      body: JSON.stringify({ query: 'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id } }', variables: { input: { items } } }),
    });
    const body = (await response.json()) as GraphQLResponse;
    expect(response.status).toBe(400);
    expect(body.errors?.length).toBeGreaterThan(50);
    expect(new Set(body.errors?.map((error) => error.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
    const orders = await graphql<{ me: { orders: { edges: unknown[] } } }>(shop.url, '{ me { orders { edges { cursor } } } }', {}, customer.token);
    expect(orders.data?.me.orders.edges).toEqual([]);
  });
});
