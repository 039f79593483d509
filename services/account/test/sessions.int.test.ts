import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import type { CallContext } from '@shop/grpc-kit';
import { DenyList, isAccount, JwksCache, revocationOf, TokenVerifier, type Revocation } from '@shop/identity';
import { readHistory } from '@shop/outbox';
import { createPool, type Pool } from '@shop/postgres';
import { expectRemoteFailure } from '@shop/testing';
import type { AccountClient } from '../src/client/index.js';
import { authOf, expectRevokedByService, registerCustomer, startAccountTestApp, type AccountTestApp } from './account-test-app.js';

// Component test of sessions: refresh-token rotation and reuse, logout, password change, through gRPC on a real
// Postgres. With NATS, the service's own deny list is fed by its revocation events, as in the running shop.

let shop: AccountTestApp;
let client: AccountClient;
let admin: CallContext;
let pool: Pool;

beforeAll(async () => {
  shop = await startAccountTestApp('account_sessions', { nats: true });
  ({ client } = shop);
  admin = shop.admin.auth;
  pool = createPool(shop.database.url, { max: 2 });
});

afterAll(async () => {
  await pool.end();
  await shop.stop();
});

const invalidRefreshToken = { status: status.UNAUTHENTICATED, code: 'ACCOUNT.INVALID_REFRESH_TOKEN' };

/** A verifier as every process builds one: the service's keys, and the given deny list. */
function verifierWith(denyList: DenyList = new DenyList()): TokenVerifier {
  return new TokenVerifier(new JwksCache(async () => await client.jwks()), denyList);
}

/** The `iat` of a valid access token, as the verifier reads it. */
async function issuedAtOf(accessToken: string): Promise<number> {
  const caller = await verifierWith().authenticate(`Bearer ${accessToken}`);
  if (!isAccount(caller)) throw new Error('expected an account token');
  return caller.issuedAt;
}

/** The revocation the account's newest event of `eventType` carries, as read from the outbox. */
async function revocationIn(accountId: string, eventType: string): Promise<Revocation> {
  const envelope = (await readHistory(pool, accountId, 'account')).filter((candidate) => candidate.eventType === eventType).at(-1);
  const revocation = envelope && revocationOf(envelope);
  if (!revocation) throw new Error(`no ${eventType} revocation for ${accountId}`);
  return revocation;
}

describe('RefreshToken', () => {
  it('answers a new pair for a refresh token, which then works once in turn', async () => {
    const customer = await registerCustomer(client);
    const second = await client.refresh(customer.refreshToken);
    expect(second.refreshToken).not.toBe(customer.refreshToken);
    expect(second.account).toEqual(customer.account);
    expect(await verifierWith().authenticate(`Bearer ${second.accessToken}`)).toMatchObject({ kind: 'customer', accountId: customer.account.id });
    const third = await client.refresh(second.refreshToken);
    expect(third.account.id).toBe(customer.account.id);
  });

  it('refuses a used refresh token, and its reuse revokes every session and access token of the account', async () => {
    const customer = await registerCustomer(client);
    const otherLogin = await client.login({ email: customer.account.email, password: customer.password });
    const rotated = await client.refresh(customer.refreshToken);

    await expectRemoteFailure(client.refresh(customer.refreshToken), invalidRefreshToken);
    await expectRemoteFailure(client.refresh(rotated.refreshToken), invalidRefreshToken);
    await expectRemoteFailure(client.refresh(otherLogin.refreshToken), invalidRefreshToken);
    expect((await client.history(customer.account.id, admin)).at(-1)).toMatchObject({
      eventType: 'shop.account.v1.AccountSessionsRevoked',
      changedFields: [],
      actor: null,
    });
    await expectRevokedByService(client, authOf(rotated));
    await expectRevokedByService(client, authOf(otherLogin));

    // Signing in again starts afresh.
    const again = await client.login({ email: customer.account.email, password: customer.password });
    expect((await client.me(authOf(again)))?.id).toBe(customer.account.id);
    expect((await client.refresh(again.refreshToken)).account.id).toBe(customer.account.id);
  });

  it('refuses unknown and malformed refresh tokens as UNAUTHENTICATED, an empty one as INVALID_ARGUMENT', async () => {
    await expectRemoteFailure(client.refresh(randomBytes(32).toString('base64url')), invalidRefreshToken);
    await expectRemoteFailure(client.refresh('not a refresh token'), invalidRefreshToken);
    await expectRemoteFailure(client.refresh(''), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_REFRESH_TOKEN', field: 'refreshToken' });
  });
});

describe('Logout', () => {
  it('needs a signed-in caller', async () => {
    const customer = await registerCustomer(client);
    await expectRemoteFailure(client.logout(customer.refreshToken), { status: status.UNAUTHENTICATED, code: 'AUTH.UNAUTHENTICATED' });
    expect((await client.refresh(customer.refreshToken)).account.id).toBe(customer.account.id);
  });

  it('revokes that one session: true once, false the second time, other sessions untouched', async () => {
    const customer = await registerCustomer(client);
    const otherLogin = await client.login({ email: customer.account.email, password: customer.password });
    expect(await client.logout(customer.refreshToken, customer.auth)).toBe(true);
    expect(await client.logout(customer.refreshToken, customer.auth)).toBe(false);
    await expectRemoteFailure(client.refresh(customer.refreshToken), invalidRefreshToken);
    expect((await client.refresh(otherLogin.refreshToken)).account.id).toBe(customer.account.id);
  });

  it("answers false for another account's refresh token, which stays usable", async () => {
    const [customer, other] = [await registerCustomer(client), await registerCustomer(client)];
    expect(await client.logout(other.refreshToken, customer.auth)).toBe(false);
    expect((await client.refresh(other.refreshToken)).account.id).toBe(other.account.id);
  });

  it('answers false for a malformed refresh token, INVALID_ARGUMENT for an empty one', async () => {
    const customer = await registerCustomer(client);
    expect(await client.logout('not a refresh token', customer.auth)).toBe(false);
    await expectRemoteFailure(client.logout('', customer.auth), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_REFRESH_TOKEN', field: 'refreshToken' });
  });
});

describe('ChangePassword', () => {
  const newPassword = 'a brand new password';

  it('needs a signed-in caller', async () => {
    const customer = await registerCustomer(client);
    await expectRemoteFailure(client.changePassword({ currentPassword: customer.password, newPassword }), { status: status.UNAUTHENTICATED, code: 'AUTH.UNAUTHENTICATED' });
  });

  it('refuses a wrong current password and a short new one, naming the field, and changes nothing', async () => {
    const customer = await registerCustomer(client);
    await expectRemoteFailure(client.changePassword({ currentPassword: 'not the password', newPassword }, customer.auth), {
      status: status.INVALID_ARGUMENT,
      code: 'ACCOUNT.WRONG_PASSWORD',
      field: 'currentPassword',
    });
    await expectRemoteFailure(client.changePassword({ currentPassword: customer.password, newPassword: 'short' }, customer.auth), {
      status: status.INVALID_ARGUMENT,
      code: 'ACCOUNT.INVALID_PASSWORD',
      field: 'newPassword',
    });
    expect((await client.history(customer.account.id, admin)).map((entry) => entry.eventType)).toEqual(['shop.account.v1.AccountCreated']);
    expect((await client.refresh(customer.refreshToken)).account.id).toBe(customer.account.id);
    expect((await client.login({ email: customer.account.email, password: customer.password })).account.id).toBe(customer.account.id);
  });

  it('changes the password and answers a fresh pair; every earlier token stops working', async () => {
    const customer = await registerCustomer(client);
    const otherLogin = await client.login({ email: customer.account.email, password: customer.password });
    const fresh = await client.changePassword({ currentPassword: customer.password, newPassword }, customer.auth);
    expect(fresh.account).toEqual(customer.account);

    await expectRemoteFailure(client.refresh(customer.refreshToken), invalidRefreshToken);
    await expectRemoteFailure(client.refresh(otherLogin.refreshToken), invalidRefreshToken);
    await expectRemoteFailure(client.login({ email: customer.account.email, password: customer.password }), { status: status.UNAUTHENTICATED, code: 'ACCOUNT.INVALID_CREDENTIALS' });
    expect((await client.login({ email: customer.account.email, password: newPassword })).account.id).toBe(customer.account.id);
    expect((await client.history(customer.account.id, admin)).at(-1)).toMatchObject({
      eventType: 'shop.account.v1.AccountPasswordChanged',
      changedFields: ['password'],
      actor: customer.account.id,
    });

    // The event's mark falls between the tokens: the old one was issued before it, the fresh one not.
    const revocation = await revocationIn(customer.account.id, 'shop.account.v1.AccountPasswordChanged');
    expect(await issuedAtOf(customer.accessToken)).toBeLessThan(revocation.notBefore);
    expect(await issuedAtOf(fresh.accessToken)).toBeGreaterThanOrEqual(revocation.notBefore);
    const denyList = new DenyList();
    denyList.add(revocation);
    await expect(verifierWith(denyList).authenticate(`Bearer ${customer.accessToken}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_REVOKED' });
    await expect(verifierWith(denyList).authenticate(`Bearer ${fresh.accessToken}`)).resolves.toMatchObject({ accountId: customer.account.id });

    // And the service itself, fed over NATS, refuses the old access token while the fresh pair works.
    await expectRevokedByService(client, customer.auth);
    expect((await client.me(authOf(fresh)))?.id).toBe(customer.account.id);
    expect((await client.refresh(fresh.refreshToken)).account.id).toBe(customer.account.id);
  });
});
