import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { generateSigningKeyText } from '@shop/identity';
import { createPool, type Pool } from '@shop/postgres';
import { createTestDatabase, expectRemoteFailure, startLostAnswerProxy, type LostAnswerProxy, type TestDatabase } from '@shop/testing';
import { buildAccountApp, MIGRATIONS, type AccountApp } from '../src/app.js';
import { AccountClient } from '../src/client/index.js';
import { accountEventsWire } from '../src/events/account-events-wire.js';
import { CredentialPgRepository } from '../src/repository/credential-pg-repository.js';
import { startCreateRequestPruner } from '../src/service/create-request-pruner.js';
import { anAccountInput } from './account-builder.js';
import { signInFirstAdmin, silentLogger, type SignedIn } from './account-test-app.js';

// createAccount carries a request_id, set once per call by the AccountClient and kept across its retries: a retry
// after an answer lost once the account was committed gets that account, not ALREADY_EXISTS on its own email.
// The account service runs behind a proxy that loses the answer its after-hook asks it to (the hook runs once the
// account is committed, right before the answer goes out).

let database: TestDatabase;
let pool: Pool;
let app: AccountApp;
let proxy: LostAnswerProxy;
let direct: AccountClient;
let throughProxy: AccountClient;
let admin: SignedIn;
let loseNextAnswer = false;

beforeAll(async () => {
  database = await createTestDatabase('account_request_id', MIGRATIONS);
  pool = createPool(database.url, { max: 2 });
  const adminLogin = { email: 'admin.request-id@example.com', password: 'first admin password' };
  const arm = () => {
    if (loseNextAnswer) proxy.loseNextAnswer();
    loseNextAnswer = false;
  };
  app = await buildAccountApp(
    { ACCOUNT_GRPC_PORT: 0, DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: 1_000, JWT_PRIVATE_KEY: generateSigningKeyText(), ADMIN_EMAIL: adminLogin.email, ADMIN_PASSWORD: adminLogin.password },
    silentLogger,
    { hooks: { after: { createAccount: [arm] } } },
  );
  await app.ready;
  proxy = await startLostAnswerProxy(`127.0.0.1:${app.port}`);
  direct = AccountClient.connect(`127.0.0.1:${app.port}`);
  throughProxy = AccountClient.connect(proxy.address, { deadlineMs: 5_000, maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 50 });
  admin = await signInFirstAdmin(direct, database.url, adminLogin.email, adminLogin.password);
});

afterAll(async () => {
  direct?.close();
  throughProxy?.close();
  await proxy?.close();
  await app?.stop();
  await pool?.end();
  await database?.drop();
});

const accountsWithEmail = async (email: string) => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts WHERE lower(email) = lower($1)', [email])).rows[0]!.n;

describe('createAccount with a request_id', () => {
  it('answers a repeat of the same request with the account it made, and creates nothing', async () => {
    const input = { ...anAccountInput(), requestId: 'create-ada' };
    const first = await direct.create(input, admin.auth);
    const repeat = await direct.create({ ...input, name: `  ${input.name} ` }, admin.auth);
    expect(repeat).toEqual(first);
    expect(await accountsWithEmail(input.email)).toBe(1);
    expect((await direct.history(first.id, admin.auth)).map((entry) => entry.eventType)).toEqual(['shop.account.v1.AccountCreated']);
  });

  it('answers CONFLICT on requestId for another request with the same id, and on email for another id', async () => {
    const input = { ...anAccountInput(), requestId: 'create-grace' };
    await direct.create(input, admin.auth);
    await expectRemoteFailure(direct.create({ ...input, role: 'ADMIN' }, admin.auth), { status: status.ALREADY_EXISTS, code: 'ACCOUNT.REQUEST_ID_REUSED', field: 'requestId' });
    await expectRemoteFailure(direct.create({ ...input, requestId: 'another-call' }, admin.auth), { status: status.ALREADY_EXISTS, code: 'ACCOUNT.EMAIL_TAKEN', field: 'email' });
    await expectRemoteFailure(direct.create({ ...anAccountInput(), requestId: 'r'.repeat(101) }, admin.auth), {
      status: status.INVALID_ARGUMENT,
      code: 'ACCOUNT.INVALID_REQUEST_ID',
      field: 'requestId',
    });
  });

  it('makes one account of ten concurrent attempts of one call, and answers it to each', async () => {
    const input = { ...anAccountInput(), requestId: 'create-concurrently' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => direct.create(input, admin.auth)));
    expect(new Set(answers.map((account) => account.id)).size).toBe(1);
    expect(await accountsWithEmail(input.email)).toBe(1);
  });

  it("is what the client's retry after a lost answer carries: the account it made, not a false CONFLICT", async () => {
    const input = anAccountInput();
    const lostBefore = proxy.lost;
    loseNextAnswer = true;
    const created = await throughProxy.create(input, admin.auth);
    expect(proxy.lost).toBe(lostBefore + 1);
    expect(created).toMatchObject({ email: input.email });
    expect(await accountsWithEmail(input.email)).toBe(1);
  });

  it('is forgotten after 24 hours: a background task deletes older records, and the id may then make a new account', async () => {
    const input = { ...anAccountInput(), requestId: 'create-long-ago' };
    const first = await direct.create(input, admin.auth);
    await pool.query("UPDATE account_create_requests SET created_at = now() - interval '25 hours' WHERE request_id = $1", [input.requestId]);
    await startCreateRequestPruner(new CredentialPgRepository(pool, accountEventsWire), silentLogger).stop();
    expect((await pool.query('SELECT 1 FROM account_create_requests WHERE request_id = $1', [input.requestId])).rowCount).toBe(0);
    const anew = await direct.create({ ...anAccountInput(), requestId: input.requestId }, admin.auth);
    expect(anew.id).not.toBe(first.id);
  });
});
