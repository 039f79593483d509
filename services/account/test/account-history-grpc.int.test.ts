import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { newId } from '@shop/ids';
import { encodeCursor } from '@shop/pagination';
import { expectRemoteFailure } from '@shop/testing';
import { registerCustomer, startAccountTestApp, type AccountTestApp } from './account-test-app.js';

// Component test: account history pages (ListHistory, ListHistories) with the access rule per id, and forged
// ListAccounts page tokens refused as INVALID_ARGUMENT before any query, through gRPC on a real Postgres.

let shop: AccountTestApp;

beforeAll(async () => {
  shop = await startAccountTestApp('account_history_grpc');
});

afterAll(async () => {
  await shop.stop();
});

const invalid = (code: string, field: string) => ({ status: status.INVALID_ARGUMENT, code: `ACCOUNT.${code}`, field });
const versions = (entries: { version: number }[]) => entries.map((entry) => entry.version);

describe('account history pages over gRPC', () => {
  it('ListHistory and ListHistories page oldest first after a version', async () => {
    const customer = await registerCustomer(shop.client);
    for (const name of ['Two', 'Three', 'Four']) await shop.client.update(customer.account.id, { name }, customer.auth);
    expect(versions(await shop.client.history({ id: customer.account.id, pageSize: 2, afterVersion: 1 }, customer.auth))).toEqual([2, 3]);
    expect(versions(await shop.client.history({ id: customer.account.id.toUpperCase(), afterVersion: 3 }, shop.admin.auth))).toEqual([4]);
    const pages = await shop.client.histories({ ids: [customer.account.id, newId(), customer.account.id.toUpperCase()], pageSize: 1, afterVersion: 2 }, shop.admin.auth);
    expect(pages.map(versions)).toEqual([[3], [], [3]]);
  });

  it("gives a customer its own history in a batch and empty pages for other accounts", async () => {
    const [own, other] = [await registerCustomer(shop.client), await registerCustomer(shop.client)];
    const pages = await shop.client.histories({ ids: [other.account.id, own.account.id, shop.admin.account.id] }, own.auth);
    expect(pages.map(versions)).toEqual([[], [1], []]);
    await expectRemoteFailure(shop.client.histories({ ids: [own.account.id] }), { status: status.UNAUTHENTICATED, code: 'AUTH.UNAUTHENTICATED' });
  });

  it('refuses page sizes, versions and ids out of range on their fields', async () => {
    const id = shop.admin.account.id;
    await expectRemoteFailure(shop.client.history({ id, pageSize: 101 }, shop.admin.auth), invalid('INVALID_PAGE_SIZE', 'page_size'));
    await expectRemoteFailure(shop.client.history({ id, afterVersion: -1 }, shop.admin.auth), invalid('INVALID_AFTER_VERSION', 'after_version'));
    await expectRemoteFailure(shop.client.histories({ ids: [id], afterVersion: -7 }, shop.admin.auth), invalid('INVALID_AFTER_VERSION', 'after_version'));
    await expectRemoteFailure(shop.client.histories({ ids: ['x'] }, shop.admin.auth), invalid('INVALID_ID', 'ids[0]'));
  });
});

describe('forged ListAccounts page tokens over gRPC', () => {
  it.each([
    ['year 1', ['0001-01-01T00:00:00.000Z', newId()]],
    ['year 275760', [new Date(8.64e15).toISOString(), newId()]],
    ['a time that is not ISO 8601', ['Tue Mar 03 2026', newId()]],
    ['a wrong id', [new Date().toISOString(), 'robert"); DROP TABLE accounts; --']],
  ])('refuses a token with %s as INVALID_ARGUMENT on page_token', async (_case, key) => {
    await expectRemoteFailure(shop.client.list({ pageToken: encodeCursor(key) }, shop.admin.auth), invalid('INVALID_PAGE_TOKEN', 'page_token'));
  });
});
