import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { newId } from '@shop/ids';
import { createLogger } from '@shop/logger';
import { createPool, withTransaction, type Pool } from '@shop/postgres';
import { createTestDatabase, expectRemoteFailure, forgedTokens, testIdentity, type TestCaller, type TestDatabase, type TestIdentity } from '@shop/testing';
import { buildCatalogApp, MIGRATIONS, type CatalogApp } from '../src/app.js';
import { CatalogClient, type CreateProductInput, type ProductView } from '../src/client/index.js';
import { catalogEventsWire, reservationEventsWire } from '../src/events/catalog-events-wire.js';
import { orderEventsHandler } from '../src/events/order-events-consumer.js';
import { StockReservationPgStore } from '../src/repository/stock-reservation-pg-store.js';
import { orderEvent } from './order-event.js';
import { aProductInput } from './product-builder.js';

// Component test of who may call the catalog over gRPC (API.md, "Identity and access"): the real server, trusting
// the test's own signing key, checks every token itself and applies the access table. The same rules at the
// use-case level: src/service/catalog-service-access.test.ts.

const logger = createLogger('catalog-access-test', 'silent');
const forbidden = { status: status.PERMISSION_DENIED, code: 'AUTH.FORBIDDEN' };
const unauthenticated = { status: status.UNAUTHENTICATED, code: 'AUTH.UNAUTHENTICATED' };

let database: TestDatabase;
let pool: Pool;
let identity: TestIdentity;
let admin: TestCaller;
let customer: TestCaller;
let app: CatalogApp;
let client: CatalogClient;
/** The operations whose before-hooks ran: a call refused at its token never gets that far. */
const ran: string[] = [];
const record = (operation: string) => () => void ran.push(operation);

beforeAll(async () => {
  database = await createTestDatabase('catalog_access_grpc', MIGRATIONS);
  pool = createPool(database.url);
  identity = await testIdentity();
  [admin, customer] = [await identity.caller('ADMIN'), await identity.caller('CUSTOMER')];
  const hooks = { before: { createProduct: [record('createProduct')], getProduct: [record('getProduct')], listProducts: [record('listProducts')] } };
  app = await buildCatalogApp({ CATALOG_GRPC_PORT: 0, DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: 1_000 }, logger, { jwks: identity.jwks, hooks });
  await app.ready;
  client = CatalogClient.connect(`127.0.0.1:${app.port}`);
});

afterAll(async () => {
  client.close();
  await app.stop();
  await pool.end();
  await database.drop();
});

const aProduct = (name: string, stock = 10): Promise<ProductView> => client.create(aProductInput({ name, stock }), admin.auth);
const searchNames = async (query: string) => (await client.search({ query })).products.map((product) => product.name);

describe('catalog access over gRPC', () => {
  it('refuses a customer’s CreateProduct, UpdateProduct, DeleteProduct and ListHistory as PERMISSION_DENIED, changing nothing', async () => {
    const product = await aProduct('Quuxkept kettle');
    await expectRemoteFailure(client.create(aProductInput({ name: 'Quuxcustomer lamp' }), customer.auth), forbidden);
    await expectRemoteFailure(client.update(product.id, { name: 'Quuxcustomer kettle', stock: 0 }, customer.auth), forbidden);
    await expectRemoteFailure(client.delete(product.id, customer.auth), forbidden);
    await expectRemoteFailure(client.history(product.id, customer.auth), forbidden);
    expect(await searchNames('quuxcustomer')).toEqual([]);
    expect(await client.get(product.id, customer.auth)).toEqual(product);
    expect((await client.history(product.id, admin.auth)).map((entry) => entry.eventType)).toEqual(['shop.catalog.v1.ProductCreated']);
  });

  it('answers a call without a token UNAUTHENTICATED for every change and for history, and serves it every read', async () => {
    const product = await aProduct('Quuxpublic kettle');
    await expectRemoteFailure(client.create(aProductInput({ name: 'Quuxanonymous lamp' })), { ...unauthenticated, message: /Authorization: Bearer/ });
    await expectRemoteFailure(client.update(product.id, { stock: 0 }), unauthenticated);
    await expectRemoteFailure(client.delete(product.id), unauthenticated);
    await expectRemoteFailure(client.history(product.id), unauthenticated);
    expect(await searchNames('quuxanonymous')).toEqual([]);
    expect(await client.get(product.id)).toEqual(product);
    expect(await client.getMany([product.id])).toEqual([product]);
    expect((await client.list({ pageSize: 100 })).products).toContainEqual(product);
    expect((await client.search({ query: 'quuxpublic' })).products).toEqual([product]);
  });

  it('refuses a caller who may not create before reading the request: no price is their access error, an admin’s INVALID_ARGUMENT', async () => {
    const noPrice = { ...aProductInput({ name: 'Quuxpriceless lamp' }), price: undefined as unknown as CreateProductInput['price'] };
    await expectRemoteFailure(client.create(noPrice), unauthenticated);
    await expectRemoteFailure(client.create(noPrice, customer.auth), forbidden);
    await expectRemoteFailure(client.create(noPrice, admin.auth), { status: status.INVALID_ARGUMENT, code: 'CATALOG.INVALID_PRICE', field: 'price' });
    expect(await searchNames('quuxpriceless')).toEqual([]);
  });

  it('refuses a token signed by another key as UNAUTHENTICATED (AUTH.INVALID_TOKEN) and runs nothing, not even a public read', async () => {
    const product = await aProduct('Quuxguarded kettle');
    const stranger = await (await testIdentity()).caller('ADMIN');
    const invalidToken = { status: status.UNAUTHENTICATED, code: 'AUTH.INVALID_TOKEN' };
    const before = ran.length;
    await expectRemoteFailure(client.create(aProductInput({ name: 'Quuxstranger lamp' }), stranger.auth), invalidToken);
    await expectRemoteFailure(client.get(product.id, stranger.auth), invalidToken);
    await expectRemoteFailure(client.list({}, stranger.auth), invalidToken);
    expect(ran.slice(before)).toEqual([]);
    expect(await searchNames('quuxstranger')).toEqual([]);
    // The same calls with a token of ours do reach the use cases' hooks.
    await client.get(product.id, admin.auth);
    expect(ran.slice(before)).toEqual(['getProduct']);
  });

  it('refuses every forged token as UNAUTHENTICATED, the ones claiming ADMIN included, and creates nothing', async () => {
    const tokens = await forgedTokens(identity.privateKey, newId());
    // Each token's outcome as [gRPC status, whether the code is one of AUTH.*], so a diff names the token let through.
    const outcomes: Record<string, unknown> = {};
    for (const [name, token] of Object.entries(tokens)) {
      outcomes[name] = await client.create(aProductInput({ name: 'Quuxforged lamp' }), { authorization: `Bearer ${token}` }).then(
        () => 'created',
        (reason: { status?: number; code?: string }) => [reason.status, reason.code?.startsWith('AUTH.')],
      );
    }
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(tokens).map((name) => [name, [status.UNAUTHENTICATED, true]])));
    expect(await searchNames('quuxforged')).toEqual([]);
  });

  it('names the admin as the actor of its changes in ProductHistory, and nobody (null) for the stock saga’s', async () => {
    const product = await aProduct('Quuxsaga kettle', 5);
    const otherAdmin = await identity.caller('ADMIN');
    await client.update(product.id, { description: 'Now with a lid.' }, otherAdmin.auth);
    // The saga's step as the order-events consumer runs it: an order a customer placed reserves two kettles.
    const orderId = newId();
    const orderCreated = orderEvent('OrderCreated', orderId, 1, { order: { id: orderId, accountId: customer.accountId, items: [{ productId: product.id, quantity: 2 }] } }, customer.accountId);
    await withTransaction(pool, (tx) => orderEventsHandler(new StockReservationPgStore(catalogEventsWire, reservationEventsWire))(tx, orderCreated));

    expect((await client.get(product.id)).stock).toBe(3);
    expect((await client.history(product.id, admin.auth)).map((entry) => [entry.eventType, entry.changedFields, entry.actor])).toEqual([
      ['shop.catalog.v1.ProductCreated', ['name', 'description', 'price', 'stock'], admin.accountId],
      ['shop.catalog.v1.ProductUpdated', ['description'], otherAdmin.accountId],
      ['shop.catalog.v1.ProductStockChanged', ['stock'], null],
    ]);
  });
});
