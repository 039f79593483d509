import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import { waitFor } from '@shop/testing/wait-for';
import WebSocket from 'ws';
import { registerCustomer } from './access-support.js';
import { graphql, startShop, type ShopHarness } from './shop-harness.js';

// Signing in through the public API, with events on: register, login, refresh rotation and reuse, logout,
// changePassword, the login throttle, revocations reaching the gateway and the services, and the WebSocket's token.

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShop('e2e_identity', { events: true });
}, 60_000);
afterAll(async () => {
  await shop.stop();
});

type Pair = { accessToken: string; refreshToken: string; expiresAt: string; account: { id: string; email: string; role: string } };
const PAIR = 'accessToken refreshToken expiresAt account { id email role }';

function codeOf(answer: { errors?: { extensions?: { code?: string; field?: string } }[] }): [string | undefined, string | undefined] {
  return [answer.errors?.[0]?.extensions?.code, answer.errors?.[0]?.extensions?.field];
}

/** The `me` of a token: its email, or the error code the gateway answers with. */
async function meWith(token: string): Promise<string> {
  const response = await fetch(`${shop.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { email } }' }),
  });
  const body = (await response.json()) as { data?: { me: { email: string } | null }; errors?: { extensions: { code: string } }[] };
  return body.errors ? `${response.status} ${body.errors[0]!.extensions.code}` : (body.data!.me?.email ?? 'null');
}

describe('register and login', () => {
  it('registers a customer and signs it in: the token works at once and expires in 15 minutes', async () => {
    const answer = await graphql<{ register: Pair }>(shop.url, `mutation { register(input: { name: "Ada", email: "Ada@Example.com", password: "analytical engine" }) { ${PAIR} } }`);
    expect(answer.errors).toBeUndefined();
    const pair = answer.data!.register;
    expect(pair.account).toMatchObject({ email: 'Ada@Example.com', role: 'CUSTOMER' });
    const minutes = (Date.parse(pair.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(await meWith(pair.accessToken)).toBe('Ada@Example.com');
    const login = await graphql<{ login: Pair }>(shop.url, `mutation { login(email: "ada@example.com", password: "analytical engine") { ${PAIR} } }`);
    expect(login.data!.login.account.id).toBe(pair.account.id);
  });

  it.each([
    ['a 7-character password', { name: 'Short', email: 'short@example.com', password: '1234567' }, 'password'],
    ['a 10 KB password', { name: 'Long', email: 'long@example.com', password: 'x'.repeat(10_240) }, 'password'],
    ['an empty name', { name: '  ', email: 'nameless@example.com', password: 'long enough' }, 'name'],
    ['a malformed email', { name: 'Bad', email: 'not-an-email', password: 'long enough' }, 'email'],
  ])('refuses to register with %s, naming the field and writing nothing', async (_case, input, field) => {
    expect(codeOf(await graphql(shop.url, 'mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }', { input }))).toEqual(['BAD_USER_INPUT', field]);
    const accounts = await shop.admin<{ accounts: { edges: { node: { email: string } }[] } }>('{ accounts(first: 100) { edges { node { email } } } }');
    expect(accounts.data!.accounts.edges.map((edge) => edge.node.email)).not.toContain(input.email);
  });

  it('refuses a bad page argument in the answer of a mutation before the mutation runs, so nothing is made', async () => {
    const register = (selection: string, variables?: { n: number }) =>
      graphql(shop.url, `mutation ${variables ? '($n: Int)' : ''} { register(input: { name: "Paged", email: "paged@example.com", password: "long enough" }) { account { ${selection} } } }`, variables ?? {});
    expect(codeOf(await register('orders(first: 0) { edges { cursor } }'))).toEqual(['BAD_USER_INPUT', 'first']);
    expect(codeOf(await register('history(first: $n) { version }', { n: 101 }))).toEqual(['BAD_USER_INPUT', 'first']);
    expect(codeOf(await register('history(afterVersion: -1) { version }'))).toEqual(['BAD_USER_INPUT', 'afterVersion']);
    // Nothing was made: the same email registers now.
    expect((await register('id')).errors).toBeUndefined();
  });

  it('refuses an email taken in another letter case with CONFLICT on email', async () => {
    await registerCustomer(shop, 'Grace');
    await graphql(shop.url, 'mutation { register(input: { name: "Grace", email: "grace.h@example.com", password: "long enough" }) { accessToken } }');
    const again = await graphql(shop.url, 'mutation { register(input: { name: "Grace", email: "GRACE.H@example.com", password: "long enough" }) { accessToken } }');
    expect(codeOf(again)).toEqual(['CONFLICT', 'email']);
  });

  it('answers a wrong password and an unknown email alike, and an empty email with BAD_USER_INPUT on email', async () => {
    const customer = await registerCustomer(shop, 'Katherine');
    const wrong = await graphql(shop.url, 'mutation ($e: String!) { login(email: $e, password: "not the password") { accessToken } }', { e: customer.email });
    const unknown = await graphql(shop.url, 'mutation ($e: String!) { login(email: $e, password: "not the password") { accessToken } }', { e: 'nobody@example.com' });
    expect(wrong.errors).toEqual(unknown.errors);
    expect(codeOf(wrong)).toEqual(['UNAUTHENTICATED', undefined]);
    expect(codeOf(await graphql(shop.url, 'mutation { login(email: "", password: "whatever it is") { accessToken } }'))).toEqual(['BAD_USER_INPUT', 'email']);
  });

  it('throttles an email after 5 failed logins with RATE_LIMITED and retryAfterSeconds, even for the right password', async () => {
    const customer = await registerCustomer(shop, 'Hedy');
    const login = (password: string) => graphql(shop.url, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: customer.email, p: password });
    for (let attempt = 0; attempt < 5; attempt += 1) expect(codeOf(await login('wrong password!'))).toEqual(['UNAUTHENTICATED', undefined]);
    const throttled = await login(customer.password);
    expect(codeOf(throttled)).toEqual(['RATE_LIMITED', undefined]);
    expect(throttled.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(800);
    expect(throttled.errors![0]!.extensions!.retryAfterSeconds).toBeLessThanOrEqual(900);
  });
});

describe('sessions', () => {
  it('rotates a refresh token once; using it again revokes every session of the account, access tokens included', async () => {
    const customer = await registerCustomer(shop, 'Rotating');
    const refresh = (token: string) => graphql<{ refreshToken: Pair }>(shop.url, `mutation ($t: String!) { refreshToken(refreshToken: $t) { ${PAIR} } }`, { t: token });
    const second = (await refresh(customer.refreshToken)).data!.refreshToken;
    expect(second.refreshToken).not.toBe(customer.refreshToken);
    expect(await meWith(second.accessToken)).toBe(customer.email);

    expect(codeOf(await refresh(customer.refreshToken))).toEqual(['UNAUTHENTICATED', undefined]);
    // The reuse revoked the whole family (the newest refresh token too) and every access token of the account.
    expect(codeOf(await refresh(second.refreshToken))).toEqual(['UNAUTHENTICATED', undefined]);
    await waitFor('access tokens of the account to be refused', async () => (await meWith(second.accessToken)) === '401 UNAUTHENTICATED');
    expect(await meWith(customer.token)).toBe('401 UNAUTHENTICATED');
    // Signing in again works.
    const again = await graphql<{ login: Pair }>(shop.url, `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { ${PAIR} } }`, { e: customer.email, p: customer.password });
    expect(await meWith(again.data!.login.accessToken)).toBe(customer.email);
  });

  it('logs out one refresh token, which then no longer refreshes; other sessions stay', async () => {
    const customer = await registerCustomer(shop, 'Leaving');
    const other = await graphql<{ login: Pair }>(shop.url, `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { ${PAIR} } }`, { e: customer.email, p: customer.password });
    expect(codeOf(await graphql(shop.url, 'mutation { logout(refreshToken: "anything") }'))).toEqual(['UNAUTHENTICATED', undefined]);
    const logout = (token: string) => graphql<{ logout: boolean }>(shop.url, 'mutation ($t: String!) { logout(refreshToken: $t) }', { t: token }, customer.token);
    expect((await logout(customer.refreshToken)).data).toEqual({ logout: true });
    expect((await logout(customer.refreshToken)).data).toEqual({ logout: false });
    expect(codeOf(await graphql(shop.url, 'mutation ($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: customer.refreshToken }))).toEqual(['UNAUTHENTICATED', undefined]);
    const stillThere = await graphql<{ refreshToken: Pair }>(shop.url, `mutation ($t: String!) { refreshToken(refreshToken: $t) { ${PAIR} } }`, { t: other.data!.login.refreshToken });
    expect(stillThere.errors).toBeUndefined();
  });

  it('changes a password: a fresh pair, and every earlier token of the account stops working', async () => {
    const customer = await registerCustomer(shop, 'Changing');
    const change = (current: string, next: string, token = customer.token) =>
      graphql<{ changePassword: Pair }>(shop.url, `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { ${PAIR} } }`, { c: current, n: next }, token);
    expect(codeOf(await change('not my password', 'a new password'))).toEqual(['BAD_USER_INPUT', 'currentPassword']);
    expect(codeOf(await change(customer.password, 'short'))).toEqual(['BAD_USER_INPUT', 'newPassword']);
    const fresh = (await change(customer.password, 'a new password')).data!.changePassword;
    expect(await meWith(fresh.accessToken)).toBe(customer.email);
    await waitFor('the old access token to be refused', async () => (await meWith(customer.token)) === '401 UNAUTHENTICATED');
    expect(await meWith(fresh.accessToken)).toBe(customer.email);
    expect(codeOf(await graphql(shop.url, 'mutation ($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: customer.refreshToken }))).toEqual(['UNAUTHENTICATED', undefined]);
    const login = (password: string) => graphql(shop.url, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: customer.email, p: password });
    expect(codeOf(await login(customer.password))).toEqual(['UNAUTHENTICATED', undefined]);
    expect((await login('a new password')).errors).toBeUndefined();
  });
});

describe('revocation', () => {
  it('refuses a demoted admin’s token at the gateway and at the catalog service within a second', async () => {
    const email = 'demoted@shop.test';
    await shop.admin('mutation ($e: String!) { createAccount(input: { name: "Soon a customer", email: $e, password: "admin for now", role: ADMIN }) { id } }', { e: email });
    const session = (await graphql<{ login: Pair }>(shop.url, `mutation ($e: String!) { login(email: $e, password: "admin for now") { ${PAIR} } }`, { e: email })).data!.login;
    const listAccounts = () => graphql(shop.url, '{ accounts(first: 1) { edges { cursor } } }', {}, session.accessToken);
    expect((await listAccounts()).errors).toBeUndefined();
    const catalogAnswer = () =>
      shop.clients.catalog
        .history(session.account.id, { authorization: `Bearer ${session.accessToken}` })
        .then(() => 'allowed', (error: { kind?: string }) => error.kind ?? 'failed');
    expect(await catalogAnswer()).toBe('allowed');

    const demoted = Date.now();
    await shop.admin('mutation ($id: ID!) { setAccountRole(id: $id, role: CUSTOMER) { role } }', { id: session.account.id });
    const [atGateway, atCatalog] = await Promise.all([
      waitFor('the gateway to refuse the token', async () => (await meWith(session.accessToken)) === '401 UNAUTHENTICATED').then(() => Date.now() - demoted),
      waitFor('the catalog to refuse the token', async () => (await catalogAnswer()) === 'UNAUTHENTICATED').then(() => Date.now() - demoted),
    ]);
    process.stdout.write(`revocation after setAccountRole: refused at the gateway after ${atGateway} ms, at catalog after ${atCatalog} ms\n`);
    // The account signs in again and gets a customer's token.
    const again = (await graphql<{ login: Pair }>(shop.url, `mutation ($e: String!) { login(email: $e, password: "admin for now") { ${PAIR} } }`, { e: email })).data!.login;
    expect(again.account.role).toBe('CUSTOMER');
    expect(codeOf(await graphql(shop.url, '{ accounts(first: 1) { edges { cursor } } }', {}, again.accessToken))).toEqual(['FORBIDDEN', undefined]);
  });

  it('refuses the tokens of a deleted account everywhere', async () => {
    const customer = await registerCustomer(shop, 'Deleted');
    expect(await meWith(customer.token)).toBe(customer.email);
    await shop.clients.accounts.delete(customer.accountId, { authorization: `Bearer ${shop.adminToken}` });
    await waitFor('the gateway to refuse the token', async () => (await meWith(customer.token)) === '401 UNAUTHENTICATED');
    const atOrder = await shop.clients.orders.listForAccounts([{ accountId: customer.accountId }], { authorization: `Bearer ${customer.token}` }).catch((error: { kind?: string }) => error.kind);
    expect(atOrder).toBe('UNAUTHENTICATED');
  });
});

describe('the WebSocket', () => {
  function socket(connectionParams: Record<string, unknown>) {
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: `${shop.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        connectionParams,
        on: { closed: (event) => resolve((event as { code: number }).code) },
        onNonLazyError: () => undefined,
      });
      setTimeout(() => void client.dispose(), 5_000);
    });
    return closed;
  }

  it.each([
    ['a token signed by another key', { authorization: 'Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' }],
    ['a token without the Bearer scheme', { authorization: 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' }],
    ['an authorization that is not a string', { authorization: { token: 'x' } }],
  ])('closes the socket with 4403 for %s', async (_case, params) => {
    expect(await socket(params)).toBe(4403);
  });

  it('answers UNAUTHENTICATED for a subscription on an anonymous socket, keeping the socket', async () => {
    const client = createClient({ url: `${shop.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const subscription = client.iterate({ query: 'subscription { orderStatusChanged(orderId: "0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f") { id } }' });
      const result = await subscription.next();
      expect((result.value as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await client.dispose();
    }
  });
});
