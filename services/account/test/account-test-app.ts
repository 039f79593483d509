import { status } from '@grpc/grpc-js';
import type { CallContext, RemoteError } from '@shop/grpc-kit';
import { generateSigningKeyText } from '@shop/identity';
import { createLogger, type Logger } from '@shop/logger';
import { createPool } from '@shop/postgres';
import { createTestDatabase, expectRemoteFailure, testNatsUrl, waitFor, type TestDatabase } from '@shop/testing';
import { buildAccountApp, MIGRATIONS, type AccountApp, type AccountAppConfig } from '../src/app.js';
import { AccountClient, type AuthView } from '../src/client/index.js';
import { aRegistration } from './account-builder.js';

// Component tests start the real account service (gRPC server, Postgres, optionally NATS) through this file, so
// each of them reads as what it checks rather than how the service is started.

/** The logger of the services under test: silent, since tests assert on answers, not on log lines. */
export const silentLogger: Logger = createLogger('account-test', 'silent');

/** A signed-in account as a test holds it: the session and the CallContext to make calls as it. */
export interface SignedIn extends AuthView {
  auth: CallContext;
}

/** A running account service on a database of its own, its first admin signed in. */
export interface AccountTestApp {
  database: TestDatabase;
  /** What the service was built with: start another instance with it (and changes) to test a restart. */
  config: AccountAppConfig;
  app: AccountApp;
  address: string;
  client: AccountClient;
  admin: SignedIn & { password: string };
  stop(): Promise<void>;
}

/** The CallContext of calls made as the holder of this session. */
export function authOf(session: AuthView): CallContext {
  return { authorization: `Bearer ${session.accessToken}` };
}

/** The error a call that must fail failed with, for checks expectRemoteFailure does not make (retryAfterSeconds, equality). */
export async function failureOf(call: Promise<unknown>): Promise<RemoteError> {
  return call.then(
    () => {
      throw new Error('expected the call to fail, but it succeeded');
    },
    (error: unknown) => error as RemoteError,
  );
}

/**
 * Waits until the service refuses an access token it revoked (its deny list learns revocations over NATS, so the
 * app must run with `nats`), then checks the answer. The wait is a bound against hanging, not a speed check.
 */
export async function expectRevokedByService(client: AccountClient, auth: CallContext): Promise<void> {
  await waitFor('the service to refuse the revoked access token', async () => (await failureOf(client.me(auth))).status === status.UNAUTHENTICATED);
  await expectRemoteFailure(client.me(auth), { status: status.UNAUTHENTICATED, code: 'AUTH.TOKEN_REVOKED' });
}

/** Registers a new customer (unique email, valid password) and answers it signed in. */
export async function registerCustomer(client: AccountClient, overrides: Parameters<typeof aRegistration>[0] = {}): Promise<SignedIn & { password: string }> {
  const input = aRegistration(overrides);
  const session = await client.register(input);
  return { ...session, auth: authOf(session), password: input.password };
}

/** Starts an account service with `config` and waits until it serves. */
export async function startAccountApp(config: AccountAppConfig, logger: Logger = silentLogger): Promise<{ app: AccountApp; client: AccountClient; address: string }> {
  const app = await buildAccountApp(config, logger);
  await app.ready;
  const address = `127.0.0.1:${app.port}`;
  return { app, client: AccountClient.connect(address), address };
}

/**
 * Signs in the first admin, which the service makes in the background once migrated. It waits for the admin's row
 * rather than retrying the login, since every failed login would count towards that email's throttle.
 */
export async function signInFirstAdmin(client: AccountClient, databaseUrl: string, email: string, password: string): Promise<SignedIn> {
  const pool = createPool(databaseUrl, { max: 1 });
  try {
    await waitFor(`the first admin ${email}`, async () => {
      const { rowCount } = await pool.query("SELECT 1 FROM accounts WHERE lower(email) = lower($1) AND role = 'ADMIN'", [email]);
      return rowCount === 1;
    });
  } finally {
    await pool.end();
  }
  const session = await client.login({ email, password });
  return { ...session, auth: authOf(session) };
}

/**
 * A fresh database (`label` names it), a new signing key, a first admin from ADMIN_EMAIL and ADMIN_PASSWORD,
 * and the service started on them; with `nats`, the outbox relay and the revocation feed run on the test NATS.
 */
export async function startAccountTestApp(label: string, options: { nats?: boolean } = {}): Promise<AccountTestApp> {
  const database = await createTestDatabase(label, MIGRATIONS);
  const admin = { email: `admin.${label}@example.com`, password: 'first admin password' };
  const config: AccountAppConfig = {
    ACCOUNT_GRPC_PORT: 0,
    DATABASE_URL: database.url,
    SHUTDOWN_GRACE_MS: 1_000,
    JWT_PRIVATE_KEY: generateSigningKeyText(),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    ...(options.nats ? { NATS_URL: testNatsUrl() } : {}),
  };
  const { app, client, address } = await startAccountApp(config);
  const stop = async () => {
    client.close();
    await app.stop();
    await database.drop();
  };
  try {
    const signedIn = await signInFirstAdmin(client, database.url, admin.email, admin.password);
    return { database, config, app, address, client, admin: { ...signedIn, password: admin.password }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
