import { buildAccountApp, MIGRATIONS as ACCOUNT_MIGRATIONS, type AccountApp } from '@shop/account/app';
import { AccountClient } from '@shop/account/client';
import { buildCatalogApp, MIGRATIONS as CATALOG_MIGRATIONS, type CatalogApp } from '@shop/catalog/app';
import { CatalogClient, type ProductView } from '@shop/catalog/client';
import type { CallPolicy } from '@shop/grpc-kit';
import type { Caller } from '@shop/identity';
import { newId } from '@shop/ids';
import { createLogger } from '@shop/logger';
import type { Money } from '@shop/money';
import { createTestDatabase, testIdentity, type TestCaller, type TestDatabase, type TestIdentity } from '@shop/testing';
import { buildOrderApp, MIGRATIONS, type OrderApp, type OrderAppParts } from '../src/app.js';
import { OrderClient } from '../src/client/index.js';

/**
 * The order service as its component tests meet it: the real order gRPC server with the real account and
 * catalog services beside it, each on its own test database, all trusting one test signing key, called
 * through the real clients. The account service's only addition is a hook that remembers who asked it for
 * accounts, so a test can see whose token order forwarded.
 */
export interface OrderComponent {
  identity: TestIdentity;
  /** A real ADMIN account, signed in. */
  admin: TestCaller;
  accounts: AccountClient;
  products: CatalogClient;
  orders: OrderClient;
  orderAddress: string;
  accountAddress: string;
  catalogAddress: string;
  /** The callers the account service saw on GetAccounts, oldest first; tests may empty it. */
  accountLookups: Caller[];
  /** A new CUSTOMER account (made by the admin), signed in. */
  aCustomer(name?: string): Promise<TestCaller>;
  /** A new product (made by the admin). */
  aProduct(name: string, price?: Money, stock?: number): Promise<ProductView>;
  /** Another order app on a database of its own beside the shared account service; stopped with the rest. */
  anotherOrderApp(label: string, catalogAddress: string, parts: OrderAppParts, policy?: CallPolicy): Promise<OrderClient>;
  stop(): Promise<void>;
}

const logger = createLogger('order-test', 'silent');

/** Prices in the tests are US dollars unless they say otherwise. */
export const usd = (amountMinor: bigint): Money => ({ amountMinor, currencyCode: 'USD' });

/** Starts account, catalog and order; `label` keeps the databases of several test files apart in listings. */
export async function startOrderComponent(label: string): Promise<OrderComponent> {
  const identity = await testIdentity();
  const databases: TestDatabase[] = [];
  const database = async (name: string, migrations: readonly string[]) => {
    const created = await createTestDatabase(`${label}_${name}`, migrations);
    databases.push(created);
    return created.url;
  };
  const accountLookups: Caller[] = [];
  const account: AccountApp = await buildAccountApp(
    { ACCOUNT_GRPC_PORT: 0, DATABASE_URL: await database('acc', ACCOUNT_MIGRATIONS), SHUTDOWN_GRACE_MS: 1_000, JWT_PRIVATE_KEY: identity.privateKey },
    logger,
    { hooks: { before: { getAccounts: [({ caller }) => void accountLookups.push(caller)] } } },
  );
  const catalog: CatalogApp = await buildCatalogApp(
    { CATALOG_GRPC_PORT: 0, DATABASE_URL: await database('cat', CATALOG_MIGRATIONS), SHUTDOWN_GRACE_MS: 1_000 },
    logger,
    { jwks: identity.jwks },
  );
  const orderConfig = async (name: string, catalogAddress: string) => ({
    ORDER_GRPC_PORT: 0,
    DATABASE_URL: await database(name, MIGRATIONS),
    ACCOUNT_GRPC_ADDRESS: `127.0.0.1:${account.port}`,
    CATALOG_GRPC_ADDRESS: catalogAddress,
    SHUTDOWN_GRACE_MS: 1_000,
  });
  const order: OrderApp = await buildOrderApp(await orderConfig('order', `127.0.0.1:${catalog.port}`), logger, { jwks: identity.jwks });
  await Promise.all([account.ready, catalog.ready, order.ready]);

  const accounts = AccountClient.connect(`127.0.0.1:${account.port}`);
  const products = CatalogClient.connect(`127.0.0.1:${catalog.port}`);
  const orders = OrderClient.connect(`127.0.0.1:${order.port}`);
  const extras: { app: OrderApp; client: OrderClient }[] = [];

  // Any admin token the key signs is trusted; it makes the real admin account whose token the tests use.
  const bootstrap = await identity.caller('ADMIN');
  const root = await accounts.create({ name: 'Root', email: `root.${newId()}@example.com`, role: 'ADMIN' }, bootstrap.auth);
  const admin = await identity.caller('ADMIN', root.id);

  return {
    identity,
    admin,
    accounts,
    products,
    orders,
    orderAddress: `127.0.0.1:${order.port}`,
    accountAddress: `127.0.0.1:${account.port}`,
    catalogAddress: `127.0.0.1:${catalog.port}`,
    accountLookups,
    async aCustomer(name = 'Ada') {
      const created = await accounts.create({ name, email: `${name.toLowerCase()}.${newId()}@example.com` }, admin.auth);
      return identity.caller('CUSTOMER', created.id);
    },
    aProduct: (name, price = usd(1999n), stock = 10) => products.create({ name, description: `${name}, for the order tests`, price, stock }, admin.auth),
    async anotherOrderApp(name, catalogAddress, parts, policy) {
      const app = await buildOrderApp(await orderConfig(name, catalogAddress), logger, parts);
      await app.ready;
      const client = OrderClient.connect(`127.0.0.1:${app.port}`, policy);
      extras.push({ app, client });
      return client;
    },
    async stop() {
      for (const client of [accounts, products, orders, ...extras.map((extra) => extra.client)]) client.close();
      await Promise.all([order.stop(), catalog.stop(), account.stop(), ...extras.map((extra) => extra.app.stop())]);
      for (const created of databases) await created.drop();
    },
  };
}
