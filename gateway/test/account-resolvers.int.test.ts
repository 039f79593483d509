import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { buildAccountApp, MIGRATIONS, type AccountApp } from '@shop/account/app';
import { AccountClient } from '@shop/account/client';
import { CatalogClient } from '@shop/catalog/client';
import type { CallPolicy } from '@shop/grpc-kit';
import { newId } from '@shop/ids';
import { generateSigningKeyText, startAuthentication, type Authentication } from '@shop/identity';
import { createLogger } from '@shop/logger';
import { OrderClient } from '@shop/order/client';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { buildGatewayApp, type GatewayApp } from '../src/app.js';
import { countCalls, type CallLog } from './counting-clients.js';
import { unusedAddress } from './free-port.js';
import { signIn } from './e2e/shop-harness.js';
import { postGraphQL, type GraphQLAnswer } from './gateway-http-client.js';

// The account part of the API through a real gateway over the real account service and a real Postgres.
// Catalog and order are down here; the end-to-end suite runs all three.

const logger = createLogger('gateway-test', 'silent');
const quickPolicy: CallPolicy = { deadlineMs: 1_000, maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 20 };

let database: TestDatabase;
let accountApp: AccountApp;
let gateway: GatewayApp;
let baseUrl: string;
let calls: CallLog;
let closeClients: () => void;
let authentication: Authentication;
let adminToken: string;
const admin = { email: 'admin@gateway.test', password: 'gateway-test-admin' };

beforeAll(async () => {
  database = await createTestDatabase('gw', MIGRATIONS);
  accountApp = await buildAccountApp(
    { ACCOUNT_GRPC_PORT: 0, DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: 1_000, JWT_PRIVATE_KEY: generateSigningKeyText(), ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
    logger,
  );
  await accountApp.ready;
  const addresses = { account: `127.0.0.1:${accountApp.port}`, catalog: await unusedAddress(), order: await unusedAddress() };
  const real = {
    accounts: AccountClient.connect(addresses.account),
    catalog: CatalogClient.connect(addresses.catalog, quickPolicy),
    orders: OrderClient.connect(addresses.order, quickPolicy),
  };
  closeClients = () => Object.values(real).forEach((client) => client.close());
  const counted = countCalls(real);
  calls = counted.calls;
  const config = {
    GATEWAY_PORT: 0,
    ACCOUNT_GRPC_ADDRESS: addresses.account,
    CATALOG_GRPC_ADDRESS: addresses.catalog,
    ORDER_GRPC_ADDRESS: addresses.order,
    SHUTDOWN_GRACE_MS: 1_000,
  };
  authentication = startAuthentication({ jwks: () => real.accounts.jwks(), logger, name: 'gateway' });
  gateway = await buildGatewayApp(config, { clients: counted.clients, authentication }, logger);
  baseUrl = `http://127.0.0.1:${gateway.port}`;
  adminToken = await signIn(real.accounts, admin.email, admin.password);
});

afterAll(async () => {
  await gateway.stop();
  await authentication.stop();
  closeClients();
  await accountApp.stop();
  await database.drop();
});

const ACCOUNT_FIELDS = 'id name email createdAt';

/** Runs a query as the first admin and resets the call log first, so a test can see what this query cost. */
function query(text: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> {
  calls.length = 0;
  return postGraphQL(baseUrl, text, variables, adminToken);
}

async function createAccount(input: { name: string; email: string }): Promise<{ id: string; name: string; email: string; createdAt: string }> {
  const answer = await query(`mutation ($input: CreateAccountInput!) { createAccount(input: $input) { ${ACCOUNT_FIELDS} } }`, { input });
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data!.createAccount as { id: string; name: string; email: string; createdAt: string };
}

function uniqueEmail(): string {
  return `ada.${randomUUID().slice(0, 8)}@example.com`;
}

/** The errors of an answer as [code, field, errorCode] triples, the part clients switch on. */
function errorsOf(answer: GraphQLAnswer): [string | undefined, string | undefined, string | undefined][] {
  return (answer.body.errors ?? []).map((error) => [error.extensions?.code, error.extensions?.field, error.extensions?.errorCode]);
}

describe('accounts through the gateway', () => {
  it('creates an account and reads it back', async () => {
    const email = uniqueEmail();
    const created = await createAccount({ name: '  Zoë Ørsted ', email });
    expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Zoë Ørsted', email, createdAt: expect.any(String) });
    expect(new Date(created.createdAt).toISOString()).toBe(created.createdAt);

    const read = await query(`query ($id: ID!) { account(id: $id) { ${ACCOUNT_FIELDS} } }`, { id: created.id.toUpperCase() });
    expect(read.body).toEqual({ data: { account: created } });
  });

  it('updates name and email, each alone', async () => {
    const created = await createAccount({ name: 'Ada', email: uniqueEmail() });
    const update = `mutation ($id: ID!, $input: UpdateAccountInput!) { updateAccount(id: $id, input: $input) { ${ACCOUNT_FIELDS} } }`;
    const renamed = await query(update, { id: created.id, input: { name: 'Ada Lovelace' } });
    expect(renamed.body.data).toEqual({ updateAccount: { ...created, name: 'Ada Lovelace' } });
    const email = uniqueEmail();
    const moved = await query(update, { id: created.id, input: { email, name: null } });
    expect(moved.body.data).toEqual({ updateAccount: { ...created, name: 'Ada Lovelace', email } });
  });

  it('answers null for a well-formed id that names no account', async () => {
    const answer = await query('query ($id: ID!) { account(id: $id) { id } }', { id: newId() });
    expect(answer.body).toEqual({ data: { account: null } });
  });

  it('batches the accounts of one request into one call', async () => {
    const [a, b] = [await createAccount({ name: 'A', email: uniqueEmail() }), await createAccount({ name: 'B', email: uniqueEmail() })];
    const answer = await query(`query ($a: ID!, $b: ID!, $none: ID!) {
      a: account(id: $a) { name } b: account(id: $b) { name } again: account(id: $a) { email } none: account(id: $none) { name }
    }`, { a: a.id, b: b.id, none: newId() });
    expect(answer.body).toEqual({ data: { a: { name: 'A' }, b: { name: 'B' }, again: { email: a.email }, none: null } });
    expect(calls).toEqual(['accounts.getMany']);
  });

  it('pages through all accounts newest first with endCursor, never repeating one', async () => {
    const created = [];
    for (let index = 0; index < 5; index += 1) created.push(await createAccount({ name: `Page ${index}`, email: uniqueEmail() }));

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const answer = await query('query ($after: String) { accounts(first: 2, after: $after) { edges { node { id } cursor } pageInfo { hasNextPage endCursor } } }', { after });
      expect(answer.body.errors).toBeUndefined();
      const connection = answer.body.data!.accounts as { edges: { node: { id: string }; cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      expect(connection.edges.length).toBeLessThanOrEqual(2);
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)!.cursor);
      seen.push(...connection.edges.map((edge) => edge.node.id));
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 2));
    // Newest first: the five created last come first, latest at the top.
    expect(seen.slice(0, 5)).toEqual(created.map((account) => account.id).reverse());
  });

  it('resumes after any edge of a page, not only the last', async () => {
    const page = await query('{ accounts(first: 3) { edges { node { id } cursor } } }');
    const edges = (page.body.data!.accounts as { edges: { node: { id: string }; cursor: string }[] }).edges;
    const resumed = await query('query ($after: String) { accounts(first: 2, after: $after) { edges { node { id } } } }', { after: edges[0]!.cursor });
    expect((resumed.body.data!.accounts as { edges: { node: { id: string } }[] }).edges.map((edge) => edge.node.id)).toEqual([edges[1]!.node.id, edges[2]!.node.id]);
  });
});

describe('account errors through the gateway', () => {
  it('BAD_USER_INPUT naming the field for a bad name or email, from the account service', async () => {
    const create = 'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }';
    const empty = await query(create, { input: { name: '   ', email: uniqueEmail() } });
    expect(errorsOf(empty)).toEqual([['BAD_USER_INPUT', 'name', 'ACCOUNT.INVALID_NAME']]);
    expect(empty.body.errors![0]!.message).toMatch(/^name must not be empty/);
    expect(empty.body.data).toBeNull();
    expect(errorsOf(await query(create, { input: { name: 'Ada', email: 'not-an-email' } }))).toEqual([['BAD_USER_INPUT', 'email', 'ACCOUNT.INVALID_EMAIL']]);
  });

  it('BAD_USER_INPUT naming the argument for a malformed id, before any call', async () => {
    const read = await query('{ account(id: "not-a-uuid") { id } }');
    expect(errorsOf(read)).toEqual([['BAD_USER_INPUT', 'id', 'GATEWAY.INVALID_ID']]);
    expect(read.body.errors![0]!.message).toBe('id must be a UUID, got "not-a-uuid"');
    const update = await query('mutation { updateAccount(id: "42", input: { name: "X" }) { id } }');
    expect(errorsOf(update)).toEqual([['BAD_USER_INPUT', 'id', 'GATEWAY.INVALID_ID']]);
    expect(calls).toEqual([]);
  });

  it.each([0, 101, -1])('BAD_USER_INPUT on `first` for first: %p, before any call', async (first) => {
    const answer = await query('query ($first: Int) { accounts(first: $first) { edges { cursor } } }', { first });
    expect(errorsOf(answer)).toEqual([['BAD_USER_INPUT', 'first', 'GATEWAY.INVALID_PAGE_SIZE']]);
    expect(calls).toEqual([]);
  });

  it('BAD_USER_INPUT on `after` for a cursor the gateway did not sign, before any call', async () => {
    const answer = await query('{ accounts(after: "not-a-cursor") { edges { cursor } } }');
    expect(errorsOf(answer)).toEqual([['BAD_USER_INPUT', 'after', 'GATEWAY.INVALID_CURSOR']]);
    expect(answer.body.errors![0]!.message).toBe('after is not a cursor');
    expect(calls).toEqual([]);
  });

  it('CONFLICT naming email for an email in use (in any case), creating and updating', async () => {
    const taken = await createAccount({ name: 'First', email: uniqueEmail() });
    const create = await query('mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
      input: { name: 'Second', email: taken.email.toUpperCase() },
    });
    expect(errorsOf(create)).toEqual([['CONFLICT', 'email', 'ACCOUNT.EMAIL_TAKEN']]);

    const other = await createAccount({ name: 'Other', email: uniqueEmail() });
    const update = await query('mutation ($id: ID!, $email: String) { updateAccount(id: $id, input: { email: $email }) { id } }', { id: other.id, email: taken.email });
    expect(errorsOf(update)).toEqual([['CONFLICT', 'email', 'ACCOUNT.EMAIL_TAKEN']]);
  });

  it('NOT_FOUND for updating an account that does not exist', async () => {
    const answer = await query('mutation ($id: ID!) { updateAccount(id: $id, input: { name: "X" }) { id } }', { id: newId() });
    expect(errorsOf(answer)).toEqual([['NOT_FOUND', undefined, 'ACCOUNT.NOT_FOUND']]);
  });
});

describe('readiness with one service up', () => {
  it('/readyz answers 503 naming only the services that are down', async () => {
    const response = await fetch(`${baseUrl}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ down: ['catalog', 'order'], services: { account: 'SERVING', catalog: 'DOWN', order: 'DOWN' } });
  });
});
