import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { isServing, type CallPolicy } from '@shop/grpc-kit';
import { newId } from '@shop/ids';
import { createLogger } from '@shop/logger';
import { createTestDatabase, expectRemoteFailure, listServicesByReflection, testNatsUrl, waitFor, type TestDatabase } from '@shop/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { decodeEnvelope } from '@shop/events';
import { connectNats } from '@shop/nats';
import { buildAccountApp, MIGRATIONS, type AccountApp } from '../src/app.js';
import { AccountClient } from '../src/client/index.js';
import { anAccountInput } from './account-builder.js';

// Component test: the real gRPC server on an ephemeral port, a real Postgres, called through the real client.

const logger = createLogger('account-test', 'silent');
const config = (databaseUrl: string) => ({ ACCOUNT_GRPC_PORT: 0, DATABASE_URL: databaseUrl, SHUTDOWN_GRACE_MS: 1_000 });

let database: TestDatabase;
let app: AccountApp;
let client: AccountClient;
let address: string;

beforeAll(async () => {
  database = await createTestDatabase('account_grpc', MIGRATIONS);
  app = await buildAccountApp({ ...config(database.url), NATS_URL: testNatsUrl() }, logger);
  await app.ready;
  address = `127.0.0.1:${app.port}`;
  client = AccountClient.connect(address);
});

afterAll(async () => {
  client.close();
  await app.stop();
  await database.drop();
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
    const created = await client.create({ name: ' Zoë Ørsted ', email: 'zoe@example.com' });
    expect(created).toMatchObject({ name: 'Zoë Ørsted', email: 'zoe@example.com' });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await client.get(created.id)).toEqual(created);

    const other = await client.create(anAccountInput());
    expect((await client.getMany([other.id, newId(), created.id])).map((a) => a.id)).toEqual([other.id, created.id]);

    const page = await client.list({ pageSize: 1 });
    expect(page.accounts).toHaveLength(1);
    expect(page.nextPageToken).toEqual(expect.any(String));
    const next = await client.list({ pageSize: 100, pageToken: page.nextPageToken! });
    expect(next.accounts.map((a) => a.id)).not.toContain(page.accounts[0]!.id);

    const renamed = await client.update(created.id, { name: 'Zoë' });
    expect(renamed).toMatchObject({ name: 'Zoë', email: 'zoe@example.com' });
    const moved = await client.update(created.id, { email: 'zoe@example.org' });
    expect(moved).toMatchObject({ name: 'Zoë', email: 'zoe@example.org' });

    await client.delete(created.id);
    await expectRemoteFailure(client.get(created.id), { status: status.NOT_FOUND, code: 'ACCOUNT.NOT_FOUND' });
  });

  it('keeps every change in the history, also after deletion, and publishes each event to NATS', async () => {
    const account = await client.create(anAccountInput({ name: 'Historian' }));
    await client.update(account.id, { name: 'Historian II' });
    await client.update(account.id, { email: `moved.${account.email}` });
    await client.delete(account.id);
    const history = await client.history(account.id);
    expect(history.map((entry) => [entry.eventType, entry.version, entry.changedFields])).toEqual([
      ['shop.account.v1.AccountCreated', 1, ['name', 'email']],
      ['shop.account.v1.AccountUpdated', 2, ['name']],
      ['shop.account.v1.AccountUpdated', 3, ['email']],
      ['shop.account.v1.AccountDeleted', 4, []],
    ]);
    expect(history[0]!.occurredAt).toEqual(account.createdAt);
    expect(await client.history(newId())).toEqual([]);
    await expectRemoteFailure(client.history('nope'), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'id' });

    // The relay publishes the committed events; the deletion is the last one on its subject.
    const connection = await connectNats(testNatsUrl(), 'account-test');
    try {
      const manager = await jetstreamManager(connection);
      const lastDeletion = async () => decodeEnvelope((await manager.streams.getMessage('SHOP_ACCOUNT', { last_by_subj: 'shop.account.account.deleted' }))!.data);
      await waitFor('the deletion on NATS', async () => (await lastDeletion()).aggregateId === account.id);
      expect(await lastDeletion()).toMatchObject({ eventId: history[3]!.eventId, aggregateType: 'account', aggregateVersion: 4 });
    } finally {
      await connection.close();
    }
  });

  describe('error paths', () => {
    it('CreateAccount: INVALID_ARGUMENT naming the field for bad names and emails', async () => {
      await expectRemoteFailure(client.create({ name: '', email: 'x@example.com' }), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_NAME', field: 'name', message: /^name must not be empty/ });
      await expectRemoteFailure(client.create({ name: 'y'.repeat(201), email: 'x@example.com' }), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_NAME', field: 'name', message: /at most 200/ });
      await expectRemoteFailure(client.create({ name: 'Nul\u0000', email: 'x@example.com' }), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_NAME', field: 'name' });
      await expectRemoteFailure(client.create({ name: 'Ada', email: 'not-an-email' }), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_EMAIL', field: 'email', message: /email is not a valid email address/ });
      await expectRemoteFailure(client.create({ name: 'Ada', email: '' }), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_EMAIL', field: 'email' });
    });

    it('CreateAccount: ALREADY_EXISTS for an email in use in another case, and nothing is written', async () => {
      const input = anAccountInput();
      await client.create(input);
      const before = (await client.list({ pageSize: 100 })).accounts.length;
      await expectRemoteFailure(client.create({ name: 'Twin', email: input.email.toUpperCase() }), { status: status.ALREADY_EXISTS, code: 'ACCOUNT.EMAIL_TAKEN', field: 'email', message: /already in use/ });
      expect((await client.list({ pageSize: 100 })).accounts).toHaveLength(before);
    });

    it('GetAccount: INVALID_ARGUMENT for a malformed id, NOT_FOUND for an unknown one', async () => {
      await expectRemoteFailure(client.get('not-a-uuid'), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'id', message: /^id must be a UUID/ });
      await expectRemoteFailure(client.get(''), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'id' });
      await expectRemoteFailure(client.get(newId()), { status: status.NOT_FOUND, code: 'ACCOUNT.NOT_FOUND', message: /not found/ });
    });

    it('GetAccounts: INVALID_ARGUMENT naming the position of a malformed id', async () => {
      await expectRemoteFailure(client.getMany([newId(), 'bad']), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'ids[1]' });
    });

    it('ListAccounts: INVALID_ARGUMENT for page sizes out of range and foreign page tokens', async () => {
      await expectRemoteFailure(client.list({ pageSize: 101 }), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_PAGE_SIZE', field: 'page_size', message: /between 1 and 100/ });
      await expectRemoteFailure(client.list({ pageSize: -5 }), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_PAGE_SIZE', field: 'page_size' });
      await expectRemoteFailure(client.list({ pageSize: 2 ** 32 + 5 }), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_PAGE_SIZE', field: 'page_size' });
      await expectRemoteFailure(client.list({ pageToken: 'definitely-not-ours' }), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_PAGE_TOKEN', field: 'page_token' });
    });

    it('UpdateAccount: INVALID_ARGUMENT, NOT_FOUND and ALREADY_EXISTS, each leaving the account as it was', async () => {
      const account = await client.create(anAccountInput());
      const other = await client.create(anAccountInput());
      await expectRemoteFailure(client.update('x', { name: 'X' }), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'id' });
      await expectRemoteFailure(client.update(account.id, { name: ' ' }), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_NAME', field: 'name' });
      await expectRemoteFailure(client.update(account.id, { name: 'Valid', email: 'broken@' }), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_EMAIL', field: 'email' });
      await expectRemoteFailure(client.update(account.id, { email: other.email }), { status: status.ALREADY_EXISTS, code: 'ACCOUNT.EMAIL_TAKEN', field: 'email' });
      await expectRemoteFailure(client.update(newId(), { name: 'X' }), { status: status.NOT_FOUND, code: 'ACCOUNT.NOT_FOUND' });
      expect(await client.get(account.id)).toEqual(account);
    });

    it('DeleteAccount: INVALID_ARGUMENT for a malformed id, NOT_FOUND for an unknown one', async () => {
      await expectRemoteFailure(client.delete('123'), { status: status.INVALID_ARGUMENT, code: 'ACCOUNT.INVALID_ID', field: 'id' });
      await expectRemoteFailure(client.delete(newId()), { status: status.NOT_FOUND, code: 'ACCOUNT.NOT_FOUND' });
    });
  });

  describe('without its database', () => {
    const quickPolicy: CallPolicy = { deadlineMs: 2_000, maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 20 };

    it('starts anyway, reports NOT_SERVING, and answers UNAVAILABLE instead of INTERNAL', async () => {
      const down = await buildAccountApp(config('postgres://postgres@127.0.0.1:1/shop_test_unreachable'), logger);
      const downAddress = `127.0.0.1:${down.port}`;
      const downClient = AccountClient.connect(downAddress, quickPolicy);
      try {
        expect(await isServing(downAddress)).toBe(false);
        await expectRemoteFailure(downClient.get(newId()), { status: status.UNAVAILABLE, code: 'ACCOUNT.STORE_UNAVAILABLE', message: /unavailable/ });
      } finally {
        downClient.close();
        await down.stop();
      }
    });
  });
});
