import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import type { CallContext } from '@shop/grpc-kit';
import { DenyList, JwksCache, TokenVerifier } from '@shop/identity';
import { newId } from '@shop/ids';
import { expectRemoteFailure, testIdentity } from '@shop/testing';
import type { AccountClient } from '../src/client/index.js';
import { aRegistration } from './account-builder.js';
import { authOf, expectRevokedByService, registerCustomer, startAccountTestApp, type AccountTestApp } from './account-test-app.js';

// Component test of API.md's access table for the account service, enforced by the service itself: who may call
// what, "own" records, roles, deleting, and the tokens that get a call that far. Through gRPC on a real Postgres,
// with NATS so the service's deny list learns of role changes and deletions.

let shop: AccountTestApp;
let client: AccountClient;
let admin: CallContext;

beforeAll(async () => {
  shop = await startAccountTestApp('account_access', { nats: true });
  ({ client } = shop);
  admin = shop.admin.auth;
});

afterAll(async () => {
  await shop.stop();
});

const forbidden = { status: status.PERMISSION_DENIED, code: 'AUTH.FORBIDDEN' };
const unauthenticated = { status: status.UNAUTHENTICATED, code: 'AUTH.UNAUTHENTICATED' };
const notFound = { status: status.NOT_FOUND, code: 'ACCOUNT.NOT_FOUND' };

describe('tokens', () => {
  it('refuses a malformed token and one signed by another key, even for calls anonymous callers may make', async () => {
    const foreign = await testIdentity();
    const forged = (await foreign.caller('ADMIN', shop.admin.account.id)).auth;
    await expectRemoteFailure(client.list({}, forged), { status: status.UNAUTHENTICATED, code: 'AUTH.INVALID_TOKEN' });
    await expectRemoteFailure(client.me({ authorization: 'Bearer not-a-token' }), { status: status.UNAUTHENTICATED, code: 'AUTH.INVALID_TOKEN' });
    const input = aRegistration();
    await expectRemoteFailure(client.register(input, forged), { status: status.UNAUTHENTICATED, code: 'AUTH.INVALID_TOKEN' });
    expect((await client.list({ pageSize: 100 }, admin)).accounts.map((account) => account.email)).not.toContain(input.email);
  });

  it('serves the public keys its tokens verify against', async () => {
    const customer = await registerCustomer(client);
    const jwks = await client.jwks();
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: expect.any(String) })]);
    const verifier = new TokenVerifier(new JwksCache(async () => jwks), new DenyList());
    expect(await verifier.authenticate(customer.auth.authorization)).toMatchObject({ kind: 'customer', accountId: customer.account.id });
  });
});

describe('GetMe', () => {
  it('answers no account to an anonymous caller, and its own to a signed-in one', async () => {
    const customer = await registerCustomer(client);
    expect(await client.me()).toBeUndefined();
    expect(await client.me(customer.auth)).toEqual(customer.account);
    expect(await client.me(admin)).toEqual(shop.admin.account);
  });
});

describe("other customers' accounts", () => {
  it('answer as if they did not exist: NOT_FOUND, left out, no history', async () => {
    const [customer, other] = [await registerCustomer(client), await registerCustomer(client)];
    await expectRemoteFailure(client.get(other.account.id, customer.auth), notFound);
    await expectRemoteFailure(client.update(other.account.id, { name: 'Taken Over' }, customer.auth), notFound);
    expect(await client.getMany([other.account.id, customer.account.id, other.account.id], customer.auth)).toEqual([customer.account]);
    expect(await client.history(other.account.id, customer.auth)).toEqual([]);
    expect(await client.get(other.account.id, admin)).toEqual(other.account);
    expect(await client.history(other.account.id, admin)).toHaveLength(1);
  });

  it('leave a customer its own account to read, change and look back on', async () => {
    const customer = await registerCustomer(client);
    expect(await client.get(customer.account.id, customer.auth)).toEqual(customer.account);
    const renamed = await client.update(customer.account.id, { name: 'Renamed Myself' }, customer.auth);
    expect(renamed.name).toBe('Renamed Myself');
    expect((await client.history(customer.account.id, customer.auth)).map((entry) => [entry.eventType, entry.actor])).toEqual([
      ['shop.account.v1.AccountCreated', customer.account.id],
      ['shop.account.v1.AccountUpdated', customer.account.id],
    ]);
  });

  it('refuses account reads to anonymous callers, and listing to customers', async () => {
    const customer = await registerCustomer(client);
    await expectRemoteFailure(client.get(customer.account.id), unauthenticated);
    await expectRemoteFailure(client.getMany([customer.account.id]), unauthenticated);
    await expectRemoteFailure(client.history(customer.account.id), unauthenticated);
    await expectRemoteFailure(client.list({}), unauthenticated);
    await expectRemoteFailure(client.list({}, customer.auth), forbidden);
  });
});

describe('SetAccountRole', () => {
  it('is for admins: UNAUTHENTICATED for anonymous callers, FORBIDDEN for customers, also on their own account', async () => {
    const customer = await registerCustomer(client);
    await expectRemoteFailure(client.setRole(customer.account.id, 'ADMIN'), unauthenticated);
    await expectRemoteFailure(client.setRole(customer.account.id, 'ADMIN', customer.auth), forbidden);
    expect((await client.get(customer.account.id, admin)).role).toBe('CUSTOMER');
  });

  it('lets an admin make a customer an admin; its earlier tokens stop working, its refresh token brings the new role', async () => {
    const customer = await registerCustomer(client);
    const promoted = await client.setRole(customer.account.id, 'ADMIN', admin);
    expect(promoted).toMatchObject({ id: customer.account.id, role: 'ADMIN' });
    expect((await client.history(customer.account.id, admin)).at(-1)).toMatchObject({
      eventType: 'shop.account.v1.AccountRoleChanged',
      changedFields: ['role'],
      actor: shop.admin.account.id,
    });
    await expectRevokedByService(client, customer.auth);
    const refreshed = await client.refresh(customer.refreshToken);
    expect(refreshed.account.role).toBe('ADMIN');
    expect((await client.list({ pageSize: 100 }, authOf(refreshed))).accounts.map((account) => account.id)).toContain(customer.account.id);
  });

  it('writes no event for the role an account already has', async () => {
    const customer = await registerCustomer(client);
    expect((await client.setRole(customer.account.id, 'CUSTOMER', admin)).role).toBe('CUSTOMER');
    expect((await client.history(customer.account.id, admin)).map((entry) => entry.eventType)).toEqual(['shop.account.v1.AccountCreated']);
    expect(await client.me(customer.auth)).toEqual(customer.account);
  });

  it('answers NOT_FOUND for an unknown id, INVALID_ARGUMENT for a malformed id or a role that is none', async () => {
    const customer = await registerCustomer(client);
    await expectRemoteFailure(client.setRole(newId(), 'ADMIN', admin), notFound);
    await expectRemoteFailure(client.setRole('not-an-id', 'ADMIN', admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'id' });
    // What a client outside TypeScript could send: the proto default, an unknown name, an unknown number.
    for (const role of ['ROLE_UNSPECIFIED', 'SUPERUSER', 99] as unknown as 'ADMIN'[]) {
      await expectRemoteFailure(client.setRole(customer.account.id, role, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ROLE', field: 'role' });
    }
    expect(await client.history(customer.account.id, admin)).toHaveLength(1);
  });
});

describe('DeleteAccount', () => {
  it('is FORBIDDEN for a customer, even on its own account', async () => {
    const [customer, other] = [await registerCustomer(client), await registerCustomer(client)];
    await expectRemoteFailure(client.delete(customer.account.id, customer.auth), forbidden);
    await expectRemoteFailure(client.delete(other.account.id, customer.auth), forbidden);
    await expectRemoteFailure(client.delete(other.account.id), unauthenticated);
    expect(await client.getMany([customer.account.id, other.account.id], admin)).toHaveLength(2);
  });

  it("lets an admin delete an account, whose sessions and tokens end with it", async () => {
    const customer = await registerCustomer(client);
    const otherLogin = await client.login({ email: customer.account.email, password: customer.password });
    await client.delete(customer.account.id, admin);
    await expectRemoteFailure(client.get(customer.account.id, admin), notFound);
    await expectRemoteFailure(client.refresh(customer.refreshToken), { status: status.UNAUTHENTICATED, code: 'ACCOUNT.INVALID_REFRESH_TOKEN' });
    await expectRemoteFailure(client.refresh(otherLogin.refreshToken), { status: status.UNAUTHENTICATED, code: 'ACCOUNT.INVALID_REFRESH_TOKEN' });
    await expectRemoteFailure(client.login({ email: customer.account.email, password: customer.password }), { status: status.UNAUTHENTICATED, code: 'ACCOUNT.INVALID_CREDENTIALS' });
    await expectRevokedByService(client, customer.auth);
  });
});
