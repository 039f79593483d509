import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { AccountClient } from '@shop/account/client';
import { CatalogClient } from '@shop/catalog/client';
import type { CallPolicy } from '@shop/grpc-kit';
import { startAuthentication, type Authentication } from '@shop/identity';
import { createLogger } from '@shop/logger';
import { testIdentity, type TestIdentity } from '@shop/testing';
import { OrderClient } from '@shop/order/client';
import { buildGatewayApp, type GatewayApp } from '../src/app.js';
import { countCalls, type CallLog } from './counting-clients.js';
import { unusedAddress } from './free-port.js';
import { postGraphQL } from './gateway-http-client.js';

// The HTTP face of a real gateway on a free port, with every service down: what the gateway answers on its own.

const logger = createLogger('gateway-test', 'silent');
const quickPolicy: CallPolicy = { deadlineMs: 1_000, maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 20 };

let app: GatewayApp;
let baseUrl: string;
let calls: CallLog;
let closeClients: () => void;
let authentication: Authentication;
let identity: TestIdentity;

beforeAll(async () => {
  const [account, catalog, order] = [await unusedAddress(), await unusedAddress(), await unusedAddress()];
  const real = {
    accounts: AccountClient.connect(account, quickPolicy),
    catalog: CatalogClient.connect(catalog, quickPolicy),
    orders: OrderClient.connect(order, quickPolicy),
  };
  closeClients = () => Object.values(real).forEach((client) => client.close());
  const counted = countCalls(real);
  calls = counted.calls;
  const config = { GATEWAY_PORT: 0, ACCOUNT_GRPC_ADDRESS: account, CATALOG_GRPC_ADDRESS: catalog, ORDER_GRPC_ADDRESS: order, SHUTDOWN_GRACE_MS: 1_000 };
  // Tokens of the test's own key: the account service is down like the others.
  identity = await testIdentity();
  authentication = startAuthentication({ jwks: identity.jwks, logger, name: 'gateway' });
  app = await buildGatewayApp(config, { clients: counted.clients, authentication }, logger);
  baseUrl = `http://127.0.0.1:${app.port}`;
});

afterAll(async () => {
  await app.stop();
  await authentication.stop();
  closeClients();
});

/**
 * A query `depth` levels deep (leaf included) that needs no service: `__type { ofType { ... { name } } }`.
 * The depth limit counts __type (only __schema is exempt); graphql-js's own introspection limit counts `fields`
 * and the like but not `ofType`.
 */
function introspectionQuery(depth: number): string {
  return `{ __type(name: "Account") { ${'ofType { '.repeat(depth - 2)}name${' }'.repeat(depth - 2)} } }`;
}

const TWELVE_LEVELS = `{ accounts { edges { node { orders { edges { node { account { orders { edges { node { total { amount } } } } } } } } } } } }`;
// Pages of one, so only the depth limit is met (not the cost limit too).
const THIRTEEN_LEVELS = `{ accounts(first: 1) { edges { node { orders(first: 1) { edges { node { account { orders(first: 1) { edges { node { items { product { id } } } } } } } } } } } } }`;

describe('health', () => {
  it('/healthz answers 200 while the process is alive, whatever the services do', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'alive' });
  });

  it('/readyz answers 503 naming the services that do not answer their health check', async () => {
    const response = await fetch(`${baseUrl}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'not ready',
      down: ['account', 'catalog', 'order'],
      services: { account: 'DOWN', catalog: 'DOWN', order: 'DOWN' },
    });
  });
});

describe('playground', () => {
  it('GET / redirects to /playground', async () => {
    const response = await fetch(`${baseUrl}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/playground');
  });

  it('/playground is a self-contained GraphiQL page that loads nothing from another host', async () => {
    const response = await fetch(`${baseUrl}/playground`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('renderYogaGraphiQL');
    expect(html).toContain('"endpoint":"/graphql"');
    expect(html).toContain('products(first: 5)');

    // The markup and the styles name no URL but localhost: no <script src>, <link href>, @import or font from a CDN.
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]!).join('\n');
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '');
    const foreign = (text: string) => (text.match(/https?:\/\/[^\s"'`)<>]+/g) ?? []).filter((url) => !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(url));
    expect(foreign(markup)).toEqual([]);
    expect(foreign(styles)).toEqual([]);
    expect(styles).not.toMatch(/@import/);
    expect([...styles.matchAll(/url\(\s*['"]?([^'")]+)/g)].map((match) => match[1]!).filter((url) => !url.startsWith('data:'))).toEqual([]);
    expect(scripts.map((match) => match[0]).filter((tag) => /<script\b[^>]*\bsrc=/.test(tag))).toEqual([]);
    // The bundled GraphiQL code holds URL strings (XML namespaces, links in messages) that it never requests;
    // the browser test of the playground checks that no request leaves localhost.
  });
});

describe('/graphql', () => {
  it('answers GET as well as POST; a GET needs a preflight header (Apollo’s CSRF prevention)', async () => {
    const url = `${baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await fetch(url)).status).toBe(400);
  });
});

describe('abuse', () => {
  it('answers 413 to a body over 1 MB, declared or streamed, and keeps serving', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1024 * 1024) } });
    const declared = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ errors: [{ message: expect.stringMatching(/larger than 1048576 bytes/), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });

    const chunks = Array.from({ length: 40 }, () => new TextEncoder().encode('x'.repeat(64 * 1024)));
    const stream = new ReadableStream({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);

    expect(await postGraphQL(baseUrl, '{ __typename }')).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('answers 400 with a JSON error to a malformed JSON body', async () => {
    const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }"' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ errors: [{ message: expect.stringMatching(/^malformed JSON body/), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('neither disturbs requests running beside it', async () => {
    const tooLarge = 'x'.repeat(2 * 1024 * 1024);
    const answers = await Promise.all([
      fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: tooLarge }).then((response) => response.status),
      fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }).then((response) => response.status),
      postGraphQL(baseUrl, introspectionQuery(12)).then((answer) => answer.status),
      postGraphQL(baseUrl, '{ __typename }').then((answer) => answer.body),
    ]);
    expect(answers).toEqual([413, 400, 200, { data: { __typename: 'Query' } }]);
  });

  it('runs a query 12 levels deep', async () => {
    const answer = await postGraphQL(baseUrl, introspectionQuery(12));
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({ __type: { ofType: null } });

    // Passes validation and runs (to find the account service down).
    calls.length = 0;
    const data = await postGraphQL(baseUrl, TWELVE_LEVELS);
    expect(data.status).toBe(200);
    expect(data.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAVAILABLE']);
    expect(calls).toEqual(['accounts.list']);
  });

  it('refuses a query 13 levels deep before running any of it, with or without fragments', async () => {
    calls.length = 0;
    const withFragments = `query { ...Accounts } fragment Accounts on Query { accounts(first: 1) { edges { node { ...Orders } } } }
      fragment Orders on Account { orders(first: 1) { edges { node { account { orders(first: 1) { edges { node { ... on Order { items { product { id } } } } } } } } } } }`;
    for (const query of [introspectionQuery(13), THIRTEEN_LEVELS, withFragments]) {
      const answer = await postGraphQL(baseUrl, query);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ message: 'Query depth limit of 12 exceeded, found 13.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
      expect(answer.body.data).toBeUndefined();
    }
    expect(calls).toEqual([]);
  });
});

describe('services down', () => {
  it('answers UNAVAILABLE without the transport details, and BAD_USER_INPUT before calling anyone', async () => {
    calls.length = 0;
    const down = await postGraphQL(baseUrl, '{ accounts(first: 5) { edges { node { id } } } }');
    expect(down.status).toBe(200);
    expect(down.body.errors).toEqual([
      { message: expect.not.stringMatching(/127\.0\.0\.1|ECONNREFUSED/), path: ['accounts'], locations: expect.any(Array), extensions: { code: 'UNAVAILABLE', errorCode: 'GRPC.UNAVAILABLE' } },
    ]);
    expect(calls).toEqual(['accounts.list']);

    calls.length = 0;
    const bad = await postGraphQL(baseUrl, '{ product(id: "42") { id } order(id: "43") { id } }');
    expect(bad.body.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.field])).toEqual([
      [['product'], 'BAD_USER_INPUT', 'id'],
      [['order'], 'BAD_USER_INPUT', 'id'],
    ]);
    expect(calls).toEqual([]);
  });
});

/** POSTs `{ __typename }` with exactly the given header lines (duplicates stay duplicates; fetch would merge them into one). */
function postWithHeaders(headers: string[]): Promise<{ status: number; headers: IncomingHttpHeaders; body: unknown }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const request = httpRequest(`${baseUrl}/graphql`, { method: 'POST', headers: ['host', new URL(baseUrl).host, 'content-type', 'application/json', 'content-length', String(body.length), ...headers] }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(Buffer.concat(chunks).toString()) as unknown }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('tokens at the HTTP edge', () => {
  it('serves the public keys at /.well-known/jwks.json', async () => {
    const response = await fetch(`${baseUrl}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.json()).toEqual(await identity.jwks());
  });

  it('runs a request with a valid token, and one without any', async () => {
    const { token } = await identity.caller('CUSTOMER');
    expect((await postWithHeaders(['authorization', `Bearer ${token}`])).body).toEqual({ data: { __typename: 'Query' } });
    expect((await postWithHeaders([])).body).toEqual({ data: { __typename: 'Query' } });
  });

  it.each([
    ['a token signed by another key', async () => ['authorization', `Bearer ${(await (await testIdentity()).caller('ADMIN')).token}`]],
    ['two Authorization headers', async () => { const { token } = await identity.caller('CUSTOMER'); return ['authorization', `Bearer ${token}`, 'authorization', `Bearer ${token}`]; }],
    ['a token without the Bearer scheme', async () => ['authorization', (await identity.caller('CUSTOMER')).token]],
    ['Basic credentials', async () => ['authorization', 'Basic YWRtaW46YWRtaW4=']],
  ])('answers 401 with WWW-Authenticate and one UNAUTHENTICATED error to %s, running nothing', async (_case, headers) => {
    calls.length = 0;
    const answer = await postWithHeaders(await headers());
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
    expect(answer.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', errorCode: 'AUTH.INVALID_TOKEN' } }] });
    expect(calls).toEqual([]);
  });
});
