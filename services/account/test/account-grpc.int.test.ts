import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { isServing, type CallContext, type CallPolicy } from '@shop/grpc-kit';
import { newId } from '@shop/ids';
import { expectRemoteFailure, listServicesByReflection, testNatsUrl, waitFor } from '@shop/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { decodeEnvelope, publishedSubject } from '@shop/events';
import { connectNats } from '@shop/nats';
import { buildAccountApp } from '../src/app.js';
import { AccountClient } from '../src/client/index.js';
import { anAccountInput } from './account-builder.js';
import { registerCustomer, silentLogger, startAccountTestApp, type AccountTestApp } from './account-test-app.js';

// Component test: the real gRPC server on an ephemeral port, a real Postgres, called through the real client.
// Profile calls are the admin's (its token from signing in as the first admin), unless a case says otherwise.

let shop: AccountTestApp;
let client: AccountClient;
let address: string;
let admin: CallContext;

beforeAll(async () => {
  shop = await startAccountTestApp('account_grpc', { nats: true });
  ({ client, address } = shop);
  admin = shop.admin.auth;
});

afterAll(async () => {
  await shop.stop();
});

describe('account service over gRPC', () => {
  it('serves health and reflection like any gRPC server (grpcurl list would see AccountService)', async () => {
    expect(await isServing(address)).toBe(true);
    expect(await isServing(address, 'shop.account.v1.AccountService')).toBe(true);
    expect(await listServicesByReflection(address)).toEqual(
      expect.arrayContaining(['grpc.health.v1.Health', 'shop.account.v1.AccountService']),
    );
  });

  it('creates, gets, batch-gets, lists, updates and deletes', async () => {
    const created = await client.create({ name: ' Zoë Ørsted ', email: 'zoe@example.com' }, admin);
    expect(created).toMatchObject({ name: 'Zoë Ørsted', email: 'zoe@example.com', role: 'CUSTOMER' });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await client.get(created.id, admin)).toEqual(created);

    const other = await client.create(anAccountInput(), admin);
    expect((await client.getMany([other.id, newId(), created.id], admin)).map((a) => a.id)).toEqual([other.id, created.id]);

    const page = await client.list({ pageSize: 1 }, admin);
    expect(page.accounts).toHaveLength(1);
    expect(page.nextPageToken).toEqual(expect.any(String));
    const next = await client.list({ pageSize: 100, pageToken: page.nextPageToken! }, admin);
    expect(next.accounts.map((a) => a.id)).not.toContain(page.accounts[0]!.id);

    const renamed = await client.update(created.id, { name: 'Zoë' }, admin);
    expect(renamed).toMatchObject({ name: 'Zoë', email: 'zoe@example.com' });
    const moved = await client.update(created.id, { email: 'zoe@example.org' }, admin);
    expect(moved).toMatchObject({ name: 'Zoë', email: 'zoe@example.org' });

    await client.delete(created.id, admin);
    await expectRemoteFailure(client.get(created.id, admin), { status: status.NOT_FOUND, code: 'ACCOUNT.NOT_FOUND' });
  });

  it('keeps every change in the history, also after deletion, and publishes each event to NATS', async () => {
    const account = await client.create(anAccountInput({ name: 'Historian' }), admin);
    await client.update(account.id, { name: 'Historian II' }, admin);
    await client.update(account.id, { email: `moved.${account.email}` }, admin);
    await client.delete(account.id, admin);
    const history = await client.history(account.id, admin);
    const adminId = shop.admin.account.id;
    expect(history.map((entry) => [entry.eventType, entry.version, entry.changedFields, entry.actor])).toEqual([
      ['shop.account.v1.AccountCreated', 1, ['name', 'email', 'role'], adminId],
      ['shop.account.v1.AccountUpdated', 2, ['name'], adminId],
      ['shop.account.v1.AccountUpdated', 3, ['email'], adminId],
      ['shop.account.v1.AccountDeleted', 4, [], adminId],
    ]);
    expect(history[0]!.occurredAt).toEqual(account.createdAt);
    expect(await client.history(newId(), admin)).toEqual([]);
    await expectRemoteFailure(client.history('nope', admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'id' });

    // The relay publishes the committed events; the deletion is the last one on its subject (with its partition).
    const connection = await connectNats(testNatsUrl(), 'account-test');
    try {
      const manager = await jetstreamManager(connection);
      const lastDeletion = async () => decodeEnvelope((await manager.streams.getMessage('SHOP_ACCOUNT', { last_by_subj: publishedSubject('shop.account.account.deleted', account.id) }))!.data);
      await waitFor('the deletion on NATS', async () => (await lastDeletion()).aggregateId === account.id);
      expect(await lastDeletion()).toMatchObject({ eventId: history[3]!.eventId, aggregateType: 'account', aggregateVersion: 4 });
    } finally {
      await connection.close();
    }
  });

  it('creates an account with a role and a password, which can then sign in with that role', async () => {
    const input = { ...anAccountInput(), password: 'an admin made me', role: 'ADMIN' as const };
    const created = await client.create(input, admin);
    expect(created.role).toBe('ADMIN');
    const session = await client.login({ email: input.email, password: input.password });
    expect(session.account).toEqual(created);
  });

  it('creates an account without a password, which cannot sign in', async () => {
    const input = anAccountInput();
    const created = await client.create(input, admin);
    expect(created.role).toBe('CUSTOMER');
    await expectRemoteFailure(client.login({ email: input.email, password: 'any password at all' }), { status: status.UNAUTHENTICATED, code: 'ACCOUNT.INVALID_CREDENTIALS' });
  });

  describe('error paths', () => {
    it('CreateAccount: INVALID_ARGUMENT naming the field for bad names and emails', async () => {
      await expectRemoteFailure(client.create({ name: '', email: 'x@example.com' }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_NAME', field: 'name', message: /^name must not be empty/ });
      await expectRemoteFailure(client.create({ name: 'y'.repeat(201), email: 'x@example.com' }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_NAME', field: 'name', message: /at most 200/ });
      await expectRemoteFailure(client.create({ name: 'Nul\u0000', email: 'x@example.com' }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_NAME', field: 'name' });
      await expectRemoteFailure(client.create({ name: 'Ada', email: 'not-an-email' }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_EMAIL', field: 'email', message: /email is not a valid email address/ });
      await expectRemoteFailure(client.create({ name: 'Ada', email: '' }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_EMAIL', field: 'email' });
    });

    it('CreateAccount: UNAUTHENTICATED for an anonymous caller, PERMISSION_DENIED for a customer, and nothing is written', async () => {
      const customer = await registerCustomer(client);
      const input = anAccountInput();
      await expectRemoteFailure(client.create(input), { status: status.UNAUTHENTICATED, code: 'AUTH.UNAUTHENTICATED' });
      await expectRemoteFailure(client.create(input, customer.auth), { status: status.PERMISSION_DENIED, code: 'AUTH.FORBIDDEN' });
      await expectRemoteFailure(client.create({ ...input, role: 'ADMIN' }, customer.auth), { status: status.PERMISSION_DENIED, code: 'AUTH.FORBIDDEN' });
      expect((await client.list({ pageSize: 100 }, admin)).accounts.map((account) => account.email)).not.toContain(input.email);
    });

    it('CreateAccount: INVALID_ARGUMENT on password for a password outside 8..128 characters, and nothing is written', async () => {
      const input = anAccountInput();
      await expectRemoteFailure(client.create({ ...input, password: 'short' }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_PASSWORD', field: 'password' });
      await expectRemoteFailure(client.create({ ...input, password: 'p'.repeat(129) }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_PASSWORD', field: 'password' });
      expect((await client.list({ pageSize: 100 }, admin)).accounts.map((account) => account.email)).not.toContain(input.email);
    });

    it('CreateAccount: ALREADY_EXISTS for an email in use in another case, and nothing is written', async () => {
      const input = anAccountInput();
      await client.create(input, admin);
      const before = (await client.list({ pageSize: 100 }, admin)).accounts.length;
      await expectRemoteFailure(client.create({ name: 'Twin', email: input.email.toUpperCase() }, admin), { status: status.ALREADY_EXISTS, code: 'ACCOUNT.EMAIL_TAKEN', field: 'email', message: /already in use/ });
      expect((await client.list({ pageSize: 100 }, admin)).accounts).toHaveLength(before);
    });

    it('GetAccount: INVALID_ARGUMENT for a malformed id, NOT_FOUND for an unknown one', async () => {
      await expectRemoteFailure(client.get('not-a-uuid', admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'id', message: /^id must be a UUID/ });
      await expectRemoteFailure(client.get('', admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'id' });
      await expectRemoteFailure(client.get(newId(), admin), { status: status.NOT_FOUND, code: 'ACCOUNT.NOT_FOUND', message: /not found/ });
    });

    it('GetAccounts: INVALID_ARGUMENT naming the position of a malformed id', async () => {
      await expectRemoteFailure(client.getMany([newId(), 'bad'], admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'ids[1]' });
    });

    it('ListAccounts: INVALID_ARGUMENT for page sizes out of range and foreign page tokens', async () => {
      await expectRemoteFailure(client.list({ pageSize: 101 }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_PAGE_SIZE', field: 'page_size', message: /between 1 and 100/ });
      await expectRemoteFailure(client.list({ pageSize: -5 }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_PAGE_SIZE', field: 'page_size' });
      await expectRemoteFailure(client.list({ pageSize: 2 ** 32 + 5 }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_PAGE_SIZE', field: 'page_size' });
      await expectRemoteFailure(client.list({ pageToken: 'definitely-not-ours' }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_PAGE_TOKEN', field: 'page_token' });
    });

    it('UpdateAccount: INVALID_ARGUMENT, NOT_FOUND and ALREADY_EXISTS, each leaving the account as it was', async () => {
      const account = await client.create(anAccountInput(), admin);
      const other = await client.create(anAccountInput(), admin);
      await expectRemoteFailure(client.update('x', { name: 'X' }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'id' });
      await expectRemoteFailure(client.update(account.id, { name: ' ' }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_NAME', field: 'name' });
      await expectRemoteFailure(client.update(account.id, { name: 'Valid', email: 'broken@' }, admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_EMAIL', field: 'email' });
      await expectRemoteFailure(client.update(account.id, { email: other.email }, admin), { status: status.ALREADY_EXISTS, code: 'ACCOUNT.EMAIL_TAKEN', field: 'email' });
      await expectRemoteFailure(client.update(newId(), { name: 'X' }, admin), { status: status.NOT_FOUND, code: 'ACCOUNT.NOT_FOUND' });
      expect(await client.get(account.id, admin)).toEqual(account);
    });

    it('DeleteAccount: INVALID_ARGUMENT for a malformed id, NOT_FOUND for an unknown one', async () => {
      await expectRemoteFailure(client.delete('123', admin), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'id' });
      await expectRemoteFailure(client.delete(newId(), admin), { status: status.NOT_FOUND, code: 'ACCOUNT.NOT_FOUND' });
    });
  });

  describe('without its database', () => {
    const quickPolicy: CallPolicy = { deadlineMs: 2_000, maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 20 };

    it('starts anyway, reports NOT_SERVING, and answers UNAVAILABLE instead of INTERNAL', async () => {
      // Same signing key, so the admin's token is trusted there too and the call gets as far as the database.
      const down = await buildAccountApp({ ...shop.config, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/shop_test_unreachable', NATS_URL: undefined }, silentLogger);
      const downAddress = `127.0.0.1:${down.port}`;
      const downClient = AccountClient.connect(downAddress, quickPolicy);
      try {
        expect(await isServing(downAddress)).toBe(false);
        await expectRemoteFailure(downClient.get(newId(), admin), { status: status.UNAVAILABLE, code: 'ACCOUNT.STORE_UNAVAILABLE', message: /unavailable/ });
      } finally {
        downClient.close();
        await down.stop();
      }
    });
  });
});
