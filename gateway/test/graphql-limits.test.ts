import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EXAMPLE_QUERY } from '../src/http/playground.js';
import { startDownGateway, type DownGateway } from './down-gateway.js';
import { postGraphQL, type GraphQLAnswer } from './gateway-http-client.js';

// The GraphQL limits (API.md "Abuse") at a real gateway whose services are down: every refusal is HTTP 400
// before any backend call, so `calls` stays empty; nothing is ever 500 or INTERNAL_SERVER_ERROR.

let gateway: DownGateway;
/** The same gateway with the token limit lifted, to show the limits behind it hold on their own. */
let lifted: DownGateway;

beforeAll(async () => {
  gateway = await startDownGateway();
  lifted = await startDownGateway({ GRAPHQL_MAX_TOKENS: 1_000_000 });
});

afterAll(async () => {
  await gateway.stop();
  await lifted.stop();
});

/** POSTs `query` to `target` and expects a 400 before any call; returns the errors as [code, message]. */
async function refused(target: DownGateway, query: string, variables: Record<string, unknown> = {}): Promise<[string | undefined, string][]> {
  target.calls.length = 0;
  const answer = await postGraphQL(target.baseUrl, query, variables);
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  expect(target.calls).toEqual([]);
  return (answer.body.errors ?? []).map((error) => [error.extensions?.code, error.message]);
}

/** Two identical `__type { ofType { ... } }` branches, each `depth` levels deep: the shape that overflowed validation. */
function twinBranches(depth: number): string {
  const branch = `__type(name: "Account") { ${'ofType { '.repeat(depth)}name${' }'.repeat(depth)} }`;
  return `{ ${branch} ${branch} }`;
}

/** The hostile query of issue 10: about 10 KB, aliasing `history` 200 times inside `products(first: 50)`. */
const ALIASED_HISTORY = `{ products(first: 50) { edges { node { ${Array.from({ length: 200 }, (_, i) => `h${i}: history { eventId eventType version occurredAt }`).join(' ')} } } } }`;

describe('aliases', () => {
  it('runs 15 aliases and refuses 16, naming the limit', async () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `t${i}: __type(name: "Account") { name }`).join(' ')} }`;
    const fifteen = await postGraphQL(gateway.baseUrl, aliases(15));
    expect(fifteen.status).toBe(200);
    expect(fifteen.body.errors).toBeUndefined();
    expect(await refused(gateway, aliases(16))).toEqual([['GRAPHQL_VALIDATION_FAILED', 'Aliases limit of 15 exceeded, found 16.']]);
  });
});

describe('tokens', () => {
  it('runs 1,000 tokens and refuses 1,001 while parsing, naming the limit', async () => {
    // 2 braces, 124 x 8 tokens (`__typename @skip(if: false)`: few fields, so graphql-js's own overlap budget is not the limit met), then 1 per plain field.
    const tokens = (count: number) => `{ ${'__typename @skip(if: false) '.repeat(124)}${'__typename '.repeat(count - 2 - 124 * 8)}}`;
    const thousand = await postGraphQL(gateway.baseUrl, tokens(1_000));
    expect(thousand.status).toBe(200);
    expect(thousand.body.data).toEqual({ __typename: 'Query' });
    expect(await refused(gateway, tokens(1_001))).toEqual([['GRAPHQL_PARSE_FAILED', 'Syntax Error: Token limit of 1000 exceeded.']]);
  });
});

describe('cost', () => {
  it("refuses a query whose worst-case answer is over the limit, naming the limit and the query's cost", async () => {
    // products 1 + edges 1 + 100 x (node 1 + history 1 + 100 x 5 fields)
    const query = '{ products(first: 100) { edges { node { history(first: 100) { eventId eventType version occurredAt changedFields } } } } }';
    expect(await refused(gateway, query)).toEqual([['GRAPHQL_VALIDATION_FAILED', 'Query cost limit of 50000 exceeded, found 50202.']]);
  });

  it('lets the same query through with a page size that keeps it inside', async () => {
    const answer = await postGraphQL(gateway.baseUrl, '{ products(first: 90) { edges { node { history(first: 100) { eventId eventType version occurredAt changedFields } } } } }');
    // It ran (and found the catalog down): the answer has a path, which no refusal before execution has.
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.map((error) => error.path)).toEqual([['products']]);
  });
});

describe('the hostile queries of issue 10', () => {
  it('refuses 200 aliased histories inside products(first: 50) without a single backend call', async () => {
    expect(ALIASED_HISTORY.length).toBeGreaterThan(10_000);
    expect(await refused(gateway, ALIASED_HISTORY)).toEqual([['GRAPHQL_PARSE_FAILED', 'Syntax Error: Token limit of 1000 exceeded.']]);
    // Past the token limit, the alias and cost limits refuse it on their own.
    expect(await refused(lifted, ALIASED_HISTORY)).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Aliases limit of 15 exceeded, found 200.'],
      ['GRAPHQL_VALIDATION_FAILED', 'Query cost limit of 50000 exceeded, found 2010052.'],
    ]);
  });

  it('answers two identical branches nested 1,000 deep with 400, not 500, and keeps serving', async () => {
    expect(await refused(gateway, twinBranches(1_000))).toEqual([['GRAPHQL_PARSE_FAILED', 'Syntax Error: Token limit of 1000 exceeded.']]);
    // Without the token limit, validation itself gives up on it (graphql-js overflows its stack): still a 400.
    const deep = await refused(lifted, twinBranches(1_000));
    expect(deep.map(([code]) => code)).toEqual(expect.arrayContaining(['GRAPHQL_VALIDATION_FAILED']));
    expect(deep.every(([code]) => code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    // Deeper still, parsing gives up first: Apollo answers that 400 itself.
    expect((await refused(lifted, twinBranches(20_000))).map(([code]) => code)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(await postGraphQL(lifted.baseUrl, '{ __typename }')).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});

describe('variables', () => {
  const createOrder = 'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id } }';
  const badItems = (count: number) => ({ input: { items: Array.from({ length: count }, () => ({ productId: 'p', quantity: 'many' })) } });

  it('answers one bad variable value with 400 BAD_USER_INPUT, as Apollo does', async () => {
    expect((await refused(gateway, createOrder, badItems(1))).map(([code]) => code)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers more coercion errors than graphql-js reports (50) with one 400 answer of BAD_USER_INPUT errors only', async () => {
    const errors = await refused(gateway, createOrder, badItems(60));
    expect(errors).toHaveLength(51);
    expect(new Set(errors.map(([code]) => code))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(errors[50]).toEqual(['BAD_USER_INPUT', expect.stringMatching(/^Too many errors processing variables/)]);
  });
});

describe('text that is not Unicode', () => {
  it('refuses a variable holding an unpaired surrogate with 400 BAD_USER_INPUT naming it, before any call', async () => {
    const register = 'mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }';
    gateway.calls.length = 0;
    const answer = await postGraphQL(gateway.baseUrl, register, { input: { name: 'Eve\uD800', email: 'eve@example.com', password: 'password-123' } });
    expect(answer).toEqual({
      status: 400,
      body: { errors: [{ message: 'input.name must be valid Unicode text (it holds an unpaired surrogate)', extensions: { code: 'BAD_USER_INPUT', field: 'input.name' } }] },
    });
    expect(gateway.calls).toEqual([]);
  });
});

describe('decimal strings', () => {
  it('refuses a 900,000-digit amount as BAD_USER_INPUT on the field, without reading it or calling anyone', async () => {
    gateway.calls.length = 0;
    const started = performance.now();
    const answer = await postGraphQL(gateway.baseUrl, 'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { name: 'Big', description: '', price: { amount: '9'.repeat(900_000), currencyCode: 'USD' }, stock: 1 },
    });
    process.stdout.write(`a 900,000-digit amount was refused in ${Math.round(performance.now() - started)} ms (HTTP round trip included)\n`);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ message: 'price.amount must be at most 32 characters long, got 900000', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'price.amount' }) }),
    ]);
    expect(gateway.calls).toEqual([]);
  });
});

describe('the published queries', () => {
  it.each(['Login', 'Products', 'MyOrders'])('the playground example %s passes every limit', async (operationName) => {
    gateway.calls.length = 0;
    const response = await fetch(`${gateway.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: EXAMPLE_QUERY, operationName }),
    });
    const body = (await response.json()) as GraphQLAnswer['body'];
    // It ran: anonymous `me` is null without a call; the others find their service down.
    expect(response.status).toBe(200);
    expect(body.errors?.map((error) => error.extensions?.code) ?? []).not.toContain('GRAPHQL_VALIDATION_FAILED');
    expect(gateway.calls.length).toBeLessThanOrEqual(1);
  });
});
