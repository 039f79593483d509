import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAccountApp, MIGRATIONS as ACCOUNT_MIGRATIONS } from '@shop/account/app';
import { AccountClient } from '@shop/account/client';
import { buildCatalogApp, MIGRATIONS as CATALOG_MIGRATIONS } from '@shop/catalog/app';
import { CatalogClient } from '@shop/catalog/client';
import { generateSigningKeyText, startAuthentication, type Authentication } from '@shop/identity';
import { createLogger } from '@shop/logger';
import { startLocalNats } from '@shop/nats';
import { buildOrderApp, MIGRATIONS as ORDER_MIGRATIONS } from '@shop/order/app';
import { OrderClient } from '@shop/order/client';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { buildGatewayApp } from '../../src/app.js';
import { OrderStatusFeed } from '../../src/events/order-status-feed.js';

/** Calls made through a client, by method name, so tests can assert batching. */
export type CallCounts = Map<string, number>;

/** Wraps a client so every method call is counted; the calls still go to the real service. */
export function counting<T extends object>(client: T, counts: CallCounts, prefix: string): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        const key = `${prefix}.${String(property)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** The first admin every test shop has (ADMIN_EMAIL / ADMIN_PASSWORD of its account service). */
export const TEST_ADMIN = { email: 'admin@shop.test', password: 'admin-password-for-tests' };

/** A whole shop in this process: three services on their own test databases and the gateway, on free ports. */
export interface ShopHarness {
  url: string;
  counts: CallCounts;
  clients: { accounts: AccountClient; catalog: CatalogClient; orders: OrderClient };
  /** The first admin's access token. */
  adminToken: string;
  /** A GraphQL call to the gateway as the first admin. */
  admin<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The private key the account service signs with (JWT_PRIVATE_KEY), for tests that forge tokens. */
  signingKey: string;
  /** Token checks as the gateway makes them (its deny list shows revocations arriving). */
  gatewayAuthentication: Authentication;
  /** The NATS URL when the shop runs with events. */
  natsUrl: string | undefined;
  /** The gateway's order-status feed (with events), for tests that look at what its subscriptions hold. */
  orderFeed: OrderStatusFeed | undefined;
  /** The services' gRPC addresses, for tests that start a gateway of their own. */
  addresses: { ACCOUNT_GRPC_ADDRESS: string; CATALOG_GRPC_ADDRESS: string; ORDER_GRPC_ADDRESS: string };
  /** Each service's test database, for tests that check what was (not) written. */
  databaseUrls: { account: string; catalog: string; order: string };
  stop(): Promise<void>;
}

/**
 * Starts account, catalog, order and the gateway like `pnpm start` does, but in-process and on ephemeral ports.
 * With `events`, the services also get a NATS of their own (a private nats-server, so no other test sees its
 * streams or consumers): relays publish, and the stock saga runs.
 */
export async function startShop(label: string, options: { events?: boolean } = {}): Promise<ShopHarness> {
  const logger = createLogger(`${label}-test`, 'silent');
  const natsStore = options.events ? mkdtempSync(join(tmpdir(), 'shop-nats-')) : undefined;
  const nats = natsStore ? await startLocalNats(natsStore) : undefined;
  const natsUrl = nats ? { NATS_URL: nats.url } : {};
  const databases: TestDatabase[] = [];
  const database = async (name: string, migrations: string | readonly string[]) => {
    const created = await createTestDatabase(`${label}_${name}`, migrations);
    databases.push(created);
    return created.url;
  };
  const grace = { SHUTDOWN_GRACE_MS: 1_000 };
  const signingKey = generateSigningKeyText();
  const databaseUrls = { account: await database('acc', ACCOUNT_MIGRATIONS), catalog: await database('cat', CATALOG_MIGRATIONS), order: await database('ord', ORDER_MIGRATIONS) };
  const account = await buildAccountApp(
    {
      ACCOUNT_GRPC_PORT: 0,
      DATABASE_URL: databaseUrls.account,
      JWT_PRIVATE_KEY: signingKey,
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      ...grace,
      ...natsUrl,
    },
    logger,
  );
  const accountAddress = { ACCOUNT_GRPC_ADDRESS: `127.0.0.1:${account.port}` };
  const catalog = await buildCatalogApp({ CATALOG_GRPC_PORT: 0, DATABASE_URL: databaseUrls.catalog, ...accountAddress, ...grace, ...natsUrl }, logger);
  const addresses = { ...accountAddress, CATALOG_GRPC_ADDRESS: `127.0.0.1:${catalog.port}` };
  const order = await buildOrderApp({ ORDER_GRPC_PORT: 0, DATABASE_URL: databaseUrls.order, ...addresses, ...grace, ...natsUrl }, logger);
  await Promise.all([account.ready, catalog.ready, order.ready]);

  const counts: CallCounts = new Map();
  const clients = {
    accounts: AccountClient.connect(addresses.ACCOUNT_GRPC_ADDRESS),
    catalog: CatalogClient.connect(addresses.CATALOG_GRPC_ADDRESS),
    orders: OrderClient.connect(`127.0.0.1:${order.port}`),
  };
  const gatewayAuthentication = startAuthentication({ jwks: () => clients.accounts.jwks(), natsUrl: nats?.url, logger, name: 'gateway' });
  const orderFeed = nats ? OrderStatusFeed.start(nats.url, logger, { checkToken: (authorization) => gatewayAuthentication.verifier.authenticate(authorization) }) : undefined;
  const gateway = await buildGatewayApp(
    { GATEWAY_PORT: 0, ...addresses, ORDER_GRPC_ADDRESS: `127.0.0.1:${order.port}`, ...grace },
    {
      clients: {
        accounts: counting(clients.accounts, counts, 'account'),
        catalog: counting(clients.catalog, counts, 'catalog'),
        orders: counting(clients.orders, counts, 'order'),
      },
      authentication: gatewayAuthentication,
      orderFeed,
    },
    logger,
  );
  const url = `http://127.0.0.1:${gateway.port}`;
  const adminToken = await signIn(clients.accounts, TEST_ADMIN.email, TEST_ADMIN.password);

  return {
    url,
    counts,
    clients,
    adminToken,
    admin: (query, variables) => graphql(url, query, variables, adminToken),
    signingKey,
    gatewayAuthentication,
    natsUrl: nats?.url,
    orderFeed,
    addresses: { ...addresses, ORDER_GRPC_ADDRESS: `127.0.0.1:${order.port}` },
    databaseUrls,
    stop: async () => {
      await gateway.stop();
      await gatewayAuthentication.stop();
      await orderFeed?.stop();
      for (const client of Object.values(clients)) client.close();
      await Promise.all([order.stop(), catalog.stop(), account.stop()]);
      for (const created of databases) await created.drop();
      await nats?.stop();
      if (natsStore) rmSync(natsStore, { recursive: true, force: true });
    },
  };
}

/** A GraphQL response as the tests read it. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string; errorCode?: string; retryAfterSeconds?: number } }[];
}

/** POSTs a GraphQL operation to the gateway, with `token` as its Bearer token when given. */
export async function graphql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/**
 * Signs in through the account client and returns the access token; retried for a few seconds, since the first
 * admin is made in the background once the account service has migrated.
 */
export async function signIn(accounts: AccountClient, email: string, password: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await accounts.login({ email, password })).accessToken;
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
