import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { newId } from '@shop/ids';
import { createLogger } from '@shop/logger';
import { encodeCursor } from '@shop/pagination';
import { createTestDatabase, expectRemoteFailure, testIdentity, type TestCaller, type TestDatabase } from '@shop/testing';
import { buildCatalogApp, MIGRATIONS, type CatalogApp } from '../src/app.js';
import { CatalogClient } from '../src/client/index.js';
import { aProductInput } from './product-builder.js';

// Component test: history pages (ListHistory, ListHistories) and forged page tokens, through the real gRPC server
// on a real Postgres. A forged token is INVALID_ARGUMENT before any query runs, never UNAVAILABLE from Postgres.

let database: TestDatabase;
let app: CatalogApp;
let client: CatalogClient;
let admin: TestCaller;
let customer: TestCaller;

beforeAll(async () => {
  database = await createTestDatabase('catalog_history_grpc', MIGRATIONS);
  const identity = await testIdentity();
  [admin, customer] = [await identity.caller('ADMIN'), await identity.caller('CUSTOMER')];
  app = await buildCatalogApp({ CATALOG_GRPC_PORT: 0, DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: 1_000 }, createLogger('catalog-history-test', 'silent'), { jwks: identity.jwks });
  await app.ready;
  client = CatalogClient.connect(`127.0.0.1:${app.port}`);
});

afterAll(async () => {
  client.close();
  await app.stop();
  await database.drop();
});

const invalid = (code: string, field: string) => ({ status: status.INVALID_ARGUMENT, code: `CATALOG.${code}`, field });
const versions = (entries: { version: number }[]) => entries.map((entry) => entry.version);

/** A product with `changes` stock changes: versions 1..changes + 1. */
async function aProductWith(changes: number): Promise<string> {
  const product = await client.create(aProductInput({ name: 'Zephyr history kettle' }), admin.auth);
  for (let n = 1; n <= changes; n += 1) await client.update(product.id, { stock: n }, admin.auth);
  return product.id;
}

describe('catalog history pages over gRPC', () => {
  it('ListHistory pages oldest first with page_size and after_version', async () => {
    const id = await aProductWith(4);
    expect(versions(await client.history(id, admin.auth))).toEqual([1, 2, 3, 4, 5]);
    expect(versions(await client.history({ id, pageSize: 2, afterVersion: 2 }, admin.auth))).toEqual([3, 4]);
    expect(versions(await client.history({ id: id.toUpperCase(), afterVersion: 4 }, admin.auth))).toEqual([5]);
  });

  it('ListHistories answers one page per id in one call, in the order asked, ids in any case', async () => {
    const [a, b] = [await aProductWith(2), await aProductWith(0)];
    const pages = await client.histories({ ids: [b, newId(), a.toUpperCase(), a], pageSize: 2, afterVersion: 0 }, admin.auth);
    expect(pages.map(versions)).toEqual([[1], [], [1, 2], [1, 2]]);
    expect(await client.histories({ ids: [] }, admin.auth)).toEqual([]);
  });

  it('refuses page sizes, versions and ids out of range with INVALID_ARGUMENT on their fields', async () => {
    const id = await aProductWith(0);
    await expectRemoteFailure(client.history({ id, pageSize: 101 }, admin.auth), invalid('INVALID_PAGE_SIZE', 'page_size'));
    await expectRemoteFailure(client.history({ id, afterVersion: -1 }, admin.auth), invalid('INVALID_AFTER_VERSION', 'after_version'));
    await expectRemoteFailure(client.histories({ ids: [id], pageSize: -5 }, admin.auth), invalid('INVALID_PAGE_SIZE', 'page_size'));
    await expectRemoteFailure(client.histories({ ids: [id], afterVersion: -1 }, admin.auth), invalid('INVALID_AFTER_VERSION', 'after_version'));
    await expectRemoteFailure(client.histories({ ids: [id], afterVersion: 2 ** 60 }, admin.auth), invalid('INVALID_AFTER_VERSION', 'after_version'));
    await expectRemoteFailure(client.histories({ ids: [id, 'nope'] }, admin.auth), invalid('INVALID_ID', 'ids[1]'));
    await expectRemoteFailure(client.histories({ ids: Array.from({ length: 1_001 }, () => id) }, admin.auth), invalid('INVALID_ID', 'ids'));
  });

  it('keeps ListHistories to admins, like ListHistory', async () => {
    const id = await aProductWith(0);
    await expectRemoteFailure(client.histories({ ids: [id] }, customer.auth), { status: status.PERMISSION_DENIED, code: 'AUTH.FORBIDDEN' });
    await expectRemoteFailure(client.histories({ ids: [id] }), { status: status.UNAUTHENTICATED, code: 'AUTH.UNAUTHENTICATED' });
  });
});

describe('forged page tokens over gRPC', () => {
  const now = new Date().toISOString();
  const forgedTimes = ['0001-01-01T00:00:00.000Z', new Date(8.64e15).toISOString(), new Date(-8.64e15).toISOString(), '1969-12-31T23:59:59.999Z'];

  it.each(forgedTimes)('ListProducts refuses a token with the time %s as INVALID_ARGUMENT on page_token', async (time) => {
    await expectRemoteFailure(client.list({ pageToken: encodeCursor([time, newId()]) }), invalid('INVALID_PAGE_TOKEN', 'page_token'));
  });

  it.each([
    ['a NaN score', ['NaN', now, newId()]],
    ['an infinite score', ['1e999', now, newId()]],
    ['a score too large for a real', ['1e39', now, newId()]],
    ['a score too small for a real', ['1e-50', now, newId()]],
    ['a negative score', ['-1', now, newId()]],
    ['year 1', ['0.5', '0001-01-01T00:00:00.000Z', newId()]],
    ['year 275760', ['0.5', new Date(8.64e15).toISOString(), newId()]],
    ['a wrong id', ['0.5', now, 'not-an-id']],
  ])('SearchProducts refuses a token with %s as INVALID_ARGUMENT on page_token', async (_case, key) => {
    await expectRemoteFailure(client.search({ query: 'zephyr', pageToken: encodeCursor(key) }), invalid('INVALID_PAGE_TOKEN', 'page_token'));
  });

  it('takes the id inside a token in either case', async () => {
    await aProductWith(0);
    await aProductWith(0);
    const first = await client.list({ pageSize: 1 });
    const [time, id] = JSON.parse(Buffer.from(first.nextPageToken!, 'base64url').toString()) as [string, string];
    const next = await client.list({ pageSize: 1, pageToken: encodeCursor([time, id.toUpperCase()]) });
    expect(next.products[0]!.id).not.toBe(first.products[0]!.id);
    expect(next.products[0]!.id).toBe(next.products[0]!.id.toLowerCase());
  });
});
