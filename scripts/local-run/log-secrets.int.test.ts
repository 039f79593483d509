import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@shop/testing';
import { answerField, gatewayGraphql, shopForTests } from './shop-under-test.js';

// One full sign-in and order flow through the gateway of `pnpm start`, every process logging at `trace` (the most
// it ever logs). Then no secret may appear anywhere in what the processes wrote: not the passwords (the admin's,
// a customer's, a wrong one), not the tokens (whole or their signature), not the signing key, not the cursor
// secret, not the NATS password.

const ADMIN_PASSWORD = 'admin-pw-4d1c9e0b7a52';
const CUSTOMER_PASSWORD = 'customer-pw-8f3a61c2e9d4';
const WRONG_PASSWORD = 'wrong-pw-27be90f14c6a';
const NATS_PASSWORD = 'nats-pw-5e7c0a9d3b18';

// The NATS URL carries a password the apps must never print (the server here ignores it).
const local = shopForTests('log-secrets', {
  natsUrl: (url) => url.replace('nats://', `nats://shop:${NATS_PASSWORD}@`),
  extraEnv: () => ({ ADMIN_PASSWORD, LOG_LEVEL: 'trace' }),
});

interface Session {
  accessToken: string;
  refreshToken: string;
}

const field = answerField;
const graphql = (query: string, variables: Record<string, unknown>, token?: string) => gatewayGraphql(local.env, query, variables, token);

const SESSION = 'accessToken refreshToken';

describe('the logs of a sign-in and order flow', () => {
  it('hold no password, token, signing key, cursor secret or NATS password, at LOG_LEVEL=trace', async () => {
    const admin = field<Session>(await graphql(`mutation { login(email: "admin@shop.local", password: "${ADMIN_PASSWORD}") { ${SESSION} } }`, {}), 'login');
    const product = await graphql('mutation Create($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { name: 'Log kettle', description: 'Boils quietly.', price: { amount: '12.50', currencyCode: 'EUR' }, stock: 5 },
    }, admin.accessToken);
    const productId = field<{ id: string }>(product, 'createProduct').id;
    const registered = field<Session>(
      await graphql(`mutation Register($input: RegisterInput!) { register(input: $input) { ${SESSION} } }`, {
        input: { name: 'Lea Logs', email: 'lea.logs@example.com', password: CUSTOMER_PASSWORD },
      }),
      'register',
    );
    const refused = await graphql(`mutation { login(email: "lea.logs@example.com", password: "${WRONG_PASSWORD}") { accessToken } }`, {});
    expect(refused.errors).toBeDefined();
    const customer = field<Session>(await graphql(`mutation { login(email: "lea.logs@example.com", password: "${CUSTOMER_PASSWORD}") { ${SESSION} } }`, {}), 'login');
    const order = await graphql('mutation Order($input: CreateOrderInput!) { createOrder(input: $input) { id status } }', { input: { items: [{ productId, quantity: 1 }] } }, customer.accessToken);
    const orderId = field<{ id: string }>(order, 'createOrder').id;
    await waitFor('the order settled', async () => {
      const seen = await graphql('query Status($id: ID!) { order(id: $id) { status } }', { id: orderId }, customer.accessToken);
      return field<{ status: string } | null>(seen, 'order')?.status === 'CONFIRMED';
    });
    const refreshed = field<Session>(await graphql(`mutation Refresh($token: String!) { refreshToken(refreshToken: $token) { ${SESSION} } }`, { token: customer.refreshToken }), 'refreshToken');
    expect(field<boolean>(await graphql('mutation Out($token: String!) { logout(refreshToken: $token) }', { token: refreshed.refreshToken }, refreshed.accessToken), 'logout')).toBe(true);
    // A token that is not valid, sent as a hostile client would: it must not be echoed either.
    const forged = `${customer.accessToken.slice(0, -8)}AAAAAAAA`;
    expect((await graphql('query { me { id } }', {}, forged)).errors).toBeDefined();
    // Let the last log lines (the saga's, the relays') be written.
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const dataDir = local.env.SHOP_DATA_DIR!;
    const signingKey = JSON.parse(readFileSync(join(dataDir, 'account', 'jwt-private-key.json'), 'utf8')) as { d: string };
    const cursorSecret = readFileSync(join(dataDir, 'gateway', 'cursor-secret'), 'utf8').trim();
    const tokens = [admin, registered, customer, refreshed].flatMap((session) => [session.accessToken, session.accessToken.split('.')[2]!, session.refreshToken]);
    const secrets: Record<string, string> = {
      'admin password': ADMIN_PASSWORD,
      'customer password': CUSTOMER_PASSWORD,
      'wrong password': WRONG_PASSWORD,
      'NATS password': NATS_PASSWORD,
      'signing key': signingKey.d,
      'cursor secret': cursorSecret,
      'forged token': forged,
      ...Object.fromEntries(tokens.map((token, n) => [`token ${n}`, token])),
    };
    const output = local.shop.output();
    expect(output.length).toBeGreaterThan(10_000); // trace level wrote a lot: the check is not vacuous
    expect(output).toContain('"level":20'); // debug lines among them (nothing logs below debug)
    const leaked = Object.entries(secrets).filter(([, secret]) => output.includes(secret)).map(([name]) => name);
    expect(leaked).toEqual([]);
  }, 180_000);
});
