import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { isServing, type CallPolicy } from '@shop/grpc-kit';
import { newId } from '@shop/ids';
import { createLogger } from '@shop/logger';
import { createTestDatabase, expectRemoteFailure, listServicesByReflection, testIdentity, type TestCaller, type TestDatabase, type TestIdentity } from '@shop/testing';
import { buildCatalogApp, MIGRATIONS, type CatalogApp } from '../src/app.js';
import { CatalogClient, type CreateProductInput } from '../src/client/index.js';
import { aProductInput } from './product-builder.js';

// Component test: the real gRPC server on an ephemeral port, a real Postgres, called through the real client.
// The server trusts the test's own signing key; changes are made as an admin, reads anonymously (they are public).
// Who may call what over gRPC: catalog-access-grpc.int.test.ts.

const logger = createLogger('catalog-test', 'silent');
const config = (databaseUrl: string) => ({ CATALOG_GRPC_PORT: 0, DATABASE_URL: databaseUrl, SHUTDOWN_GRACE_MS: 1_000 });
const usd = (amountMinor: bigint) => ({ amountMinor, currencyCode: 'USD' });

let database: TestDatabase;
let identity: TestIdentity;
let admin: TestCaller;
let app: CatalogApp;
let client: CatalogClient;
let address: string;

beforeAll(async () => {
  database = await createTestDatabase('catalog_grpc', MIGRATIONS);
  identity = await testIdentity();
  admin = await identity.caller('ADMIN');
  app = await buildCatalogApp(config(database.url), logger, { jwks: identity.jwks });
  await app.ready;
  address = `127.0.0.1:${app.port}`;
  client = CatalogClient.connect(address);
});

afterAll(async () => {
  client.close();
  await app.stop();
  await database.drop();
});

const invalid = (code: string, field: string, message?: RegExp) => ({ status: status.INVALID_ARGUMENT, code: `CATALOG.${code}`, field, message });
const notFound = { status: status.NOT_FOUND, code: 'CATALOG.PRODUCT_NOT_FOUND', message: /^product [0-9a-f-]{36} not found$/ };

describe('catalog service over gRPC', () => {
  it('serves health and reflection like any gRPC server (grpcurl list would see CatalogService)', async () => {
    expect(await isServing(address)).toBe(true);
    expect(await isServing(address, 'shop.catalog.v1.CatalogService')).toBe(true);
    expect(await listServicesByReflection(address)).toEqual(expect.arrayContaining(['grpc.health.v1.Health', 'shop.catalog.v1.CatalogService']));
  });

  it('keeps every change in the history with the admin who made it, also after deletion', async () => {
    const product = await client.create(aProductInput({ name: 'Chronicle kettle' }), admin.auth);
    await client.update(product.id, { stock: 4, description: 'Now with a lid.' }, admin.auth);
    await client.delete(product.id, admin.auth);
    const history = await client.history(product.id, admin.auth);
    expect(history.map((entry) => [entry.eventType, entry.version, entry.changedFields, entry.actor])).toEqual([
      ['shop.catalog.v1.ProductCreated', 1, ['name', 'description', 'price', 'stock'], admin.accountId],
      ['shop.catalog.v1.ProductUpdated', 2, ['description', 'stock'], admin.accountId],
      ['shop.catalog.v1.ProductDeleted', 3, [], admin.accountId],
    ]);
    expect(await client.history(newId(), admin.auth)).toEqual([]);
    await expectRemoteFailure(client.history('nope', admin.auth), invalid('INVALID_ID', 'id'));
  });

  it('creates, gets, batch-gets, lists, searches, updates and deletes', async () => {
    const created = await client.create({ name: ' Crème brûlée torch 🔥 ', description: 'Für die Küche.\nÇa chauffe.', price: usd(2_450n), stock: 3 }, admin.auth);
    expect(created).toMatchObject({ name: 'Crème brûlée torch 🔥', description: 'Für die Küche.\nÇa chauffe.', price: usd(2_450n), stock: 3 });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await client.get(created.id)).toEqual(created);

    const other = await client.create(aProductInput({ name: 'Torch stand', price: { amountMinor: 1_000_000_000n, currencyCode: 'KWD' }, stock: 1_000_000 }), admin.auth);
    expect(other.price).toEqual({ amountMinor: 1_000_000_000n, currencyCode: 'KWD' });
    // The top price of the currency with the most minor digits (CLF, four) fits the table too.
    const clf = await client.create(aProductInput({ name: 'Index-linked torch', price: { amountMinor: 10_000_000_000n, currencyCode: 'CLF' } }), admin.auth);
    expect(clf.price).toEqual({ amountMinor: 10_000_000_000n, currencyCode: 'CLF' });
    await client.delete(clf.id, admin.auth);
    expect((await client.getMany([other.id, newId(), created.id])).map((p) => p.id)).toEqual([other.id, created.id]);

    const page = await client.list({ pageSize: 1 });
    expect(page.products.map((p) => p.id)).toEqual([other.id]);
    const next = await client.list({ pageSize: 100, pageToken: page.nextPageToken! });
    expect(next.products.map((p) => p.id)).toEqual(expect.arrayContaining([created.id]));
    expect(next.products.map((p) => p.id)).not.toContain(other.id);

    const found = await client.search({ query: 'torch', pageSize: 1 });
    expect(found.products.map((p) => p.id)).toEqual([other.id]);
    const more = await client.search({ query: 'torch', pageSize: 1, pageToken: found.nextPageToken! });
    expect(more).toEqual({ products: [created], nextPageToken: undefined });
    expect((await client.search({ query: 'brûl küch' })).products.map((p) => p.id)).toEqual([created.id]);

    const renamed = await client.update(created.id, { name: 'Blowtorch' }, admin.auth);
    expect(renamed).toMatchObject({ name: 'Blowtorch', description: created.description, price: created.price, stock: 3 });
    const repriced = await client.update(created.id, { price: { amountMinor: 5_000n, currencyCode: 'JPY' }, stock: 0, description: '' }, admin.auth);
    expect(repriced).toMatchObject({ name: 'Blowtorch', description: '', price: { amountMinor: 5_000n, currencyCode: 'JPY' }, stock: 0 });

    await client.delete(created.id, admin.auth);
    await expectRemoteFailure(client.get(created.id), notFound);
    expect(await client.getMany([created.id, other.id])).toEqual([other]);
    expect((await client.search({ query: 'blowtorch' })).products).toEqual([]);
  });

  describe('error paths', () => {
    it('CreateProduct: INVALID_ARGUMENT naming the field for bad names and descriptions, and nothing is written', async () => {
      const create = (overrides: Partial<CreateProductInput>) => client.create({ ...aProductInput({ name: 'Quuxrefused' }), ...overrides }, admin.auth);
      await expectRemoteFailure(create({ name: '' }), invalid('INVALID_NAME', 'name', /^name must not be empty$/));
      await expectRemoteFailure(create({ name: ' \t ' }), invalid('INVALID_NAME', 'name', /^name must not be empty$/));
      await expectRemoteFailure(create({ name: 'y'.repeat(201) }), invalid('INVALID_NAME', 'name', /^name must be at most 200 characters, got 201$/));
      await expectRemoteFailure(create({ name: 'Two\nlines' }), invalid('INVALID_NAME', 'name', /control characters/));
      await expectRemoteFailure(create({ name: 'Nul\u0000' }), invalid('INVALID_NAME', 'name', /control characters/));
      await expectRemoteFailure(create({ description: 'd'.repeat(5_001) }), invalid('INVALID_DESCRIPTION', 'description', /^description must be at most 5000 characters, got 5001$/));
      await expectRemoteFailure(create({ description: 'Nul\u0000' }), invalid('INVALID_DESCRIPTION', 'description', /control characters/));
      expect((await client.search({ query: 'quuxrefused' })).products).toEqual([]);
    });

    it('CreateProduct: INVALID_ARGUMENT naming the field for bad prices and stock', async () => {
      const create = (overrides: Partial<CreateProductInput>) => client.create({ ...aProductInput({ name: 'Quuxrefused' }), ...overrides }, admin.auth);
      const range = /^price.amount must be between 0.01 and 1000000.00 USD, got /;
      await expectRemoteFailure(create({ price: usd(0n) }), invalid('INVALID_PRICE', 'price.amount', /got 0.00$/));
      await expectRemoteFailure(create({ price: usd(-1n) }), invalid('INVALID_PRICE', 'price.amount', range));
      await expectRemoteFailure(create({ price: usd(100_000_001n) }), invalid('INVALID_PRICE', 'price.amount', /got 1000000.01$/));
      // Too many digits in minor units: 10^18 still fits int64 and the service refuses it; 10^30 and 2^64 + 100 do not
      // fit, and the client refuses them rather than let protobuf wrap them around (2^64 + 100 would arrive as 1.00).
      await expectRemoteFailure(create({ price: usd(10n ** 18n) }), invalid('INVALID_PRICE', 'price.amount', /got 10000000000000000.00$/));
      await expectRemoteFailure(create({ price: usd(10n ** 30n) }), invalid('INVALID_PRICE', 'price.amount', /^price.amount is out of range/));
      await expectRemoteFailure(create({ price: usd(2n ** 64n + 100n) }), invalid('INVALID_PRICE', 'price.amount', /out of range/));
      await create({ price: { amountMinor: 1n, currencyCode: 'JPY' } });
      await expectRemoteFailure(create({ price: { amountMinor: 1_000_001n, currencyCode: 'JPY' } }), invalid('INVALID_PRICE', 'price.amount', /between 1 and 1000000 JPY, got 1000001$/));
      await expectRemoteFailure(create({ price: { amountMinor: 100n, currencyCode: 'ABC' } }), invalid('INVALID_CURRENCY', 'price.currencyCode', /^price.currencyCode must be an ISO 4217 currency code such as USD or EUR, got "ABC"$/));
      await expectRemoteFailure(create({ price: { amountMinor: 100n, currencyCode: 'usd' } }), invalid('INVALID_CURRENCY', 'price.currencyCode', /got "usd"$/));
      await expectRemoteFailure(create({ price: { amountMinor: 100n, currencyCode: '' } }), invalid('INVALID_CURRENCY', 'price.currencyCode'));
      await expectRemoteFailure(create({ price: undefined as unknown as CreateProductInput['price'] }), invalid('INVALID_PRICE', 'price', /^price is required$/));
      const stock = /^stock must be a whole number/;
      await expectRemoteFailure(create({ stock: -1 }), invalid('INVALID_STOCK', 'stock', /got -1$/));
      await expectRemoteFailure(create({ stock: 1_000_001 }), invalid('INVALID_STOCK', 'stock', /got 1000001$/));
      await expectRemoteFailure(create({ stock: 1.5 }), invalid('INVALID_STOCK', 'stock', stock));
      await expectRemoteFailure(create({ stock: 2 ** 32 + 5 }), invalid('INVALID_STOCK', 'stock', stock));
      // Only the 1 JPY product above was valid.
      expect((await client.search({ query: 'quuxrefused' })).products.map((p) => p.price)).toEqual([{ amountMinor: 1n, currencyCode: 'JPY' }]);
    });

    it('GetProduct: INVALID_ARGUMENT for a malformed id, NOT_FOUND for an unknown or deleted one', async () => {
      await expectRemoteFailure(client.get('not-a-uuid'), invalid('INVALID_ID', 'id', /^id must be a UUID, got "not-a-uuid"$/));
      await expectRemoteFailure(client.get(''), invalid('INVALID_ID', 'id', /got an empty string$/));
      await expectRemoteFailure(client.get(newId()), notFound);
      const deleted = await client.create(aProductInput(), admin.auth);
      await client.delete(deleted.id, admin.auth);
      await expectRemoteFailure(client.get(deleted.id), notFound);
    });

    it('GetProducts: INVALID_ARGUMENT naming the position of a malformed id', async () => {
      await expectRemoteFailure(client.getMany([newId(), newId(), newId(), 'bad']), invalid('INVALID_ID', 'ids[3]', /^ids\[3\] must be a UUID, got "bad"$/));
    });

    it('ListProducts: 20 by default, INVALID_ARGUMENT for page sizes out of range and foreign page tokens', async () => {
      for (let n = 0; n < 21; n += 1) await client.create(aProductInput(), admin.auth);
      expect((await client.list({ pageSize: 0 })).products).toHaveLength(20);
      expect((await client.list()).products).toHaveLength(20);
      await expectRemoteFailure(client.list({ pageSize: 101 }), invalid('INVALID_PAGE_SIZE', 'page_size', /^page_size must be between 1 and 100, got 101$/));
      await expectRemoteFailure(client.list({ pageSize: -1 }), invalid('INVALID_PAGE_SIZE', 'page_size', /got -1$/));
      await expectRemoteFailure(client.list({ pageToken: 'definitely-not-ours' }), invalid('INVALID_PAGE_TOKEN', 'page_token', /^page_token is not a valid page token$/));
      const searchToken = (await client.search({ query: 'plain', pageSize: 1 })).nextPageToken!;
      await expectRemoteFailure(client.list({ pageToken: searchToken }), invalid('INVALID_PAGE_TOKEN', 'page_token'));
    });

    it('SearchProducts: INVALID_ARGUMENT for bad queries, page sizes and tokens; an empty page for punctuation', async () => {
      await expectRemoteFailure(client.search({ query: '' }), invalid('INVALID_QUERY', 'query', /^query must not be empty$/));
      await expectRemoteFailure(client.search({ query: '   ' }), invalid('INVALID_QUERY', 'query', /^query must not be empty$/));
      await expectRemoteFailure(client.search({ query: 'q'.repeat(201) }), invalid('INVALID_QUERY', 'query', /^query must be at most 200 characters, got 201$/));
      await expectRemoteFailure(client.search({ query: 'kettle', pageSize: 101 }), invalid('INVALID_PAGE_SIZE', 'page_size'));
      await expectRemoteFailure(client.search({ query: 'kettle', pageSize: -1 }), invalid('INVALID_PAGE_SIZE', 'page_size'));
      await expectRemoteFailure(client.search({ query: 'kettle', pageToken: 'bogus' }), invalid('INVALID_PAGE_TOKEN', 'page_token', /^page_token is not a valid page token$/));
      const listToken = (await client.list({ pageSize: 1 })).nextPageToken!;
      await expectRemoteFailure(client.search({ query: 'kettle', pageToken: listToken }), invalid('INVALID_PAGE_TOKEN', 'page_token'));
      expect(await client.search({ query: "?!… -- ' ; *" })).toEqual({ products: [], nextPageToken: undefined });
    });

    it('UpdateProduct: INVALID_ARGUMENT and NOT_FOUND, each leaving the product as it was', async () => {
      const product = await client.create(aProductInput(), admin.auth);
      await expectRemoteFailure(client.update('x', { name: 'X' }, admin.auth), invalid('INVALID_ID', 'id'));
      await expectRemoteFailure(client.update(product.id, { name: ' ' }, admin.auth), invalid('INVALID_NAME', 'name', /must not be empty/));
      await expectRemoteFailure(client.update(product.id, { description: 'd'.repeat(5_001) }, admin.auth), invalid('INVALID_DESCRIPTION', 'description'));
      await expectRemoteFailure(client.update(product.id, { name: 'Valid', price: usd(0n) }, admin.auth), invalid('INVALID_PRICE', 'price.amount', /got 0.00$/));
      await expectRemoteFailure(client.update(product.id, { price: usd(10n ** 30n) }, admin.auth), invalid('INVALID_PRICE', 'price.amount'));
      await expectRemoteFailure(client.update(product.id, { price: { amountMinor: 100n, currencyCode: 'usd' } }, admin.auth), invalid('INVALID_CURRENCY', 'price.currencyCode'));
      await expectRemoteFailure(client.update(product.id, { stock: -1 }, admin.auth), invalid('INVALID_STOCK', 'stock', /got -1$/));
      await expectRemoteFailure(client.update(product.id, { stock: 0.5 }, admin.auth), invalid('INVALID_STOCK', 'stock'));
      await expectRemoteFailure(client.update(newId(), { name: 'X' }, admin.auth), notFound);
      expect(await client.get(product.id)).toEqual(product);
      await client.delete(product.id, admin.auth);
      await expectRemoteFailure(client.update(product.id, { stock: 1 }, admin.auth), notFound);
    });

    it('DeleteProduct: INVALID_ARGUMENT for a malformed id, NOT_FOUND for an unknown or already deleted one', async () => {
      await expectRemoteFailure(client.delete('123', admin.auth), invalid('INVALID_ID', 'id', /^id must be a UUID, got "123"$/));
      await expectRemoteFailure(client.delete(newId(), admin.auth), notFound);
      const product = await client.create(aProductInput(), admin.auth);
      await client.delete(product.id, admin.auth);
      await expectRemoteFailure(client.delete(product.id, admin.auth), notFound);
    });
  });

  describe('without its database', () => {
    const quickPolicy: CallPolicy = { deadlineMs: 2_000, maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 20 };

    it('starts anyway, reports NOT_SERVING, and answers UNAVAILABLE instead of INTERNAL', async () => {
      const down = await buildCatalogApp(config('postgres://postgres@127.0.0.1:1/shop_test_unreachable'), logger, { jwks: identity.jwks });
      const downAddress = `127.0.0.1:${down.port}`;
      const downClient = CatalogClient.connect(downAddress, quickPolicy);
      const unavailable = { status: status.UNAVAILABLE, code: 'CATALOG.STORE_UNAVAILABLE', message: /^the catalog database is unavailable$/ };
      try {
        expect(await isServing(downAddress)).toBe(false);
        await expectRemoteFailure(downClient.get(newId()), unavailable);
        await expectRemoteFailure(downClient.create(aProductInput(), admin.auth), unavailable);
        await expectRemoteFailure(downClient.search({ query: 'kettle' }), unavailable);
      } finally {
        downClient.close();
        await down.stop();
      }
    });
  });
});
