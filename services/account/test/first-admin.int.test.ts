import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { expectRemoteFailure } from '@shop/testing';
import type { AccountAppConfig } from '../src/app.js';
import { anAccountInput } from './account-builder.js';
import { registerCustomer, startAccountApp, startAccountTestApp, type AccountTestApp } from './account-test-app.js';

// Component test of the first admin from ADMIN_EMAIL and ADMIN_PASSWORD: made at the first start, and what later
// starts on the same database do. Through gRPC on a real Postgres.

let shop: AccountTestApp;

beforeAll(async () => {
  shop = await startAccountTestApp('account_first_admin');
});

afterAll(async () => {
  await shop.stop();
});

const invalidCredentials = { status: status.UNAUTHENTICATED, code: 'ACCOUNT.INVALID_CREDENTIALS' };

/** Starts another instance on the same database and stops it again; stopping waits for its start-up tasks. */
async function restartWith(changes: Partial<AccountAppConfig>): Promise<void> {
  const restarted = await startAccountApp({ ...shop.config, ...changes });
  restarted.client.close();
  await restarted.app.stop();
}

describe('the first admin', () => {
  it('is made at the first start with the ADMIN role, recorded as made by the system', async () => {
    expect(shop.admin.account).toMatchObject({ email: shop.config.ADMIN_EMAIL, name: 'Admin', role: 'ADMIN' });
    expect((await shop.client.history(shop.admin.account.id, shop.admin.auth)).map((entry) => [entry.eventType, entry.actor])).toEqual([
      ['shop.account.v1.AccountCreated', null],
    ]);
  });

  it('promotes an existing customer named by ADMIN_EMAIL (in any case), leaving its password as it was', async () => {
    const customer = await registerCustomer(shop.client);
    await restartWith({ ADMIN_EMAIL: customer.account.email.toUpperCase(), ADMIN_PASSWORD: 'the environment password' });
    const session = await shop.client.login({ email: customer.account.email, password: customer.password });
    expect(session.account).toMatchObject({ id: customer.account.id, role: 'ADMIN' });
    expect((await shop.client.history(customer.account.id, shop.admin.auth)).at(-1)).toMatchObject({ eventType: 'shop.account.v1.AccountRoleChanged', actor: null });
    await expectRemoteFailure(shop.client.login({ email: customer.account.email, password: 'the environment password' }), invalidCredentials);
  });

  it("keeps an existing admin's password when restarted with another ADMIN_PASSWORD", async () => {
    await restartWith({ ADMIN_PASSWORD: 'another admin password' });
    await expectRemoteFailure(shop.client.login({ email: shop.admin.account.email, password: 'another admin password' }), invalidCredentials);
    expect((await shop.client.login({ email: shop.admin.account.email, password: shop.admin.password })).account.role).toBe('ADMIN');
    expect(await shop.client.history(shop.admin.account.id, shop.admin.auth)).toHaveLength(1);
  });

  it('is not made from a password that breaks the rules, and the service still starts', async () => {
    const { email } = anAccountInput();
    await restartWith({ ADMIN_EMAIL: email, ADMIN_PASSWORD: 'short' });
    expect((await shop.client.list({ pageSize: 100 }, shop.admin.auth)).accounts.map((account) => account.email)).not.toContain(email);
  });
});
