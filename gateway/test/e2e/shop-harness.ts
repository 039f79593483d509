import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAccountApp, MIGRATIONS as ACCOUNT_MIGRATIONS } from '@shop/account/app';
import { AccountClient } from '@shop/account/client';
import { buildCatalogApp, MIGRATIONS as CATALOG_MIGRATIONS } from '@shop/catalog/app';
import { CatalogClient } from '@shop/catalog/client';
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

/** A whole shop in this process: three services on their own test databases and the gateway, on free ports. */
export interface ShopHarness {
  url: string;
  counts: CallCounts;
  clients: { accounts: AccountClient; catalog: CatalogClient; orders: OrderClient };
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
  const account = await buildAccountApp({ ACCOUNT_GRPC_PORT: 0, DATABASE_URL: await database('acc', ACCOUNT_MIGRATIONS), ...grace, ...natsUrl }, logger);
  const catalog = await buildCatalogApp({ CATALOG_GRPC_PORT: 0, DATABASE_URL: await database('cat', CATALOG_MIGRATIONS), ...grace, ...natsUrl }, logger);
  const addresses = {
    ACCOUNT_GRPC_ADDRESS: `127.0.0.1:${account.port}`,
    CATALOG_GRPC_ADDRESS: `127.0.0.1:${catalog.port}`,
  };
  const order = await buildOrderApp({ ORDER_GRPC_PORT: 0, DATABASE_URL: await database('ord', ORDER_MIGRATIONS), ...addresses, ...grace, ...natsUrl }, logger);
  await Promise.all([account.ready, catalog.ready, order.ready]);

  const counts: CallCounts = new Map();
  const clients = {
    accounts: AccountClient.connect(addresses.ACCOUNT_GRPC_ADDRESS),
    catalog: CatalogClient.connect(addresses.CATALOG_GRPC_ADDRESS),
    orders: OrderClient.connect(`127.0.0.1:${order.port}`),
  };
  const orderFeed = nats ? OrderStatusFeed.start(nats.url, logger) : undefined;
  const gateway = await buildGatewayApp(
    { GATEWAY_PORT: 0, ...addresses, ORDER_GRPC_ADDRESS: `127.0.0.1:${order.port}`, ...grace },
    {
      accounts: counting(clients.accounts, counts, 'account'),
      catalog: counting(clients.catalog, counts, 'catalog'),
      orders: counting(clients.orders, counts, 'order'),
    },
    logger,
    orderFeed,
  );

  return {
    url: `http://127.0.0.1:${gateway.port}`,
    counts,
    clients,
    stop: async () => {
      await gateway.stop();
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
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string; errorCode?: string } }[];
}

/** POSTs a GraphQL operation to the gateway. */
export async function graphql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}
