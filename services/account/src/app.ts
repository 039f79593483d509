import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { UseCaseHooks, type HookLists } from '@shop/hooks';
import { startAuthentication } from '@shop/identity';
import type { Logger } from '@shop/logger';
import { OUTBOX_MIGRATIONS_DIR, relayLimitsOf, type RelaySettingsConfig } from '@shop/outbox';
import type { Pool } from '@shop/postgres';
import { observeCache, startInvalidationFeed, type VersionedCache } from '@shop/read-cache';
import { hostService, startPeriodicTask, type BackgroundTask, type HostedService } from '@shop/service-host';
import type { AccountConfig } from './config.js';
import { accountEventRegistry, accountEventsWire } from './events/account-events-wire.js';
import type { Account } from './domain/account.js';
import { accountCache as newAccountCache, CacheInvalidatingCredentials, cachedAccountRepository } from './repository/account-cached-repository.js';
import { AccountPgRepository } from './repository/account-pg-repository.js';
import { CredentialPgRepository } from './repository/credential-pg-repository.js';
import { LoginThrottlePgStore } from './repository/login-throttle-pg-store.js';
import { Argon2PasswordHasher } from './security/argon2-password-hasher.js';
import { JwtAccessTokens } from './security/jwt-access-tokens.js';
import { readSecretFile } from '@shop/config';
import { loadSigningKeys } from './security/signing-keys.js';
import { accountGrpcService, accountPackageDefinition } from './server/account-grpc-server.js';
import { ACCOUNT_ACCESS } from './service/account-access.js';
import type { AccountOperations } from './service/account-operations.js';
import { AccountService } from './service/account-service.js';
import { ensureFirstAdmin, type FirstAdmin } from './service/admin-bootstrap.js';
import { startCreateRequestPruner } from './service/create-request-pruner.js';
import { IdentityService } from './service/identity-service.js';
import { LOGIN_WINDOW_MS, LoginGuard } from './service/login-guard.js';

/** The SQL migrations of this service. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/** Everything its database needs, applied at start: its own migrations and the outbox's. */
export const MIGRATIONS = [MIGRATIONS_DIR, OUTBOX_MIGRATIONS_DIR];

/** A running account service: its port, readiness and graceful stop. */
export type AccountApp = HostedService & { accountCache: VersionedCache<Account> };

/** The settings buildAccountApp reads; tests pass a generated JWT_PRIVATE_KEY. */
export type AccountAppConfig = Pick<AccountConfig, 'ACCOUNT_GRPC_PORT' | 'DATABASE_URL' | 'SHUTDOWN_GRACE_MS'> &
  Partial<Pick<AccountConfig, 'DATABASE_STATEMENT_TIMEOUT_MS' | 'METRICS_PORT' | 'ACCOUNT_CACHE_MAX_ENTRIES' | 'ACCOUNT_CACHE_MAX_BYTES'>> &
  Partial<
    Pick<
      AccountConfig,
          | 'GRPC_HOST'
      | 'NATS_URL'
      | 'JWT_PRIVATE_KEY'
      | 'JWT_PRIVATE_KEY_FILE'
      | 'JWT_PREVIOUS_PUBLIC_KEY'
      | 'ADMIN_EMAIL'
      | 'ADMIN_PASSWORD'
      | 'ADMIN_PASSWORD_FILE'
      | 'ADMIN_NAME'
      | 'CREATE_MISSING_SECRET_FILES'
    >
  > &
  RelaySettingsConfig;

/** What a composition root (or a test) adds to the account service: its own hooks around the use cases. */
export interface AccountAppParts {
  hooks?: HookLists<AccountOperations>;
}

/**
 * Wires the account service: the signing key, token checks (its own keys, the deny list fed over NATS), the
 * repositories (which write every change's event to the outbox), the use cases inside their hooks (the access
 * table first), gRPC handlers, the outbox relay when NATS_URL is given, and background tasks once migrated:
 * the first admin from the environment, pruning old failed logins and expired createAccount request ids. The server starts at once and reports
 * NOT_SERVING until the database is reachable and migrated.
 */
export async function buildAccountApp(config: AccountAppConfig, logger: Logger, parts: AccountAppParts = {}): Promise<AccountApp> {
  const keys = await loadSigningKeys(
    {
      privateKey: config.JWT_PRIVATE_KEY,
      privateKeyFile: config.JWT_PRIVATE_KEY_FILE,
      createMissingFile: config.CREATE_MISSING_SECRET_FILES ?? false,
      previousPublicKey: config.JWT_PREVIOUS_PUBLIC_KEY,
    },
    logger,
  );
  const jwks = async () => keys.jwks;
  const authentication = startAuthentication({ jwks, natsUrl: config.NATS_URL, logger, name: 'account' });
  const hooks = new UseCaseHooks<AccountOperations>(ACCOUNT_ACCESS, parts.hooks ?? {}, logger);
  const hasher = new Argon2PasswordHasher();
  const admin = firstAdmin(config, logger);
  const accountCache = newAccountCache({ maxEntries: config.ACCOUNT_CACHE_MAX_ENTRIES ?? 10_000, maxBytes: config.ACCOUNT_CACHE_MAX_BYTES ?? 16 * 1024 ** 2 });
  // With NATS, other replicas may change accounts: nothing is served from the cache until their events are heard.
  if (config.NATS_URL) accountCache.setLive(false);
  const credentialsOn = (pool: Pool) => new CacheInvalidatingCredentials(new CredentialPgRepository(pool, accountEventsWire), accountCache);
  const hosted = await hostService({
    name: 'account',
    port: config.ACCOUNT_GRPC_PORT,
    host: config.GRPC_HOST ?? '127.0.0.1',
    databaseUrl: config.DATABASE_URL,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    migrationsDir: MIGRATIONS,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    metricsPort: config.METRICS_PORT,
    packageDefinition: accountPackageDefinition,
    logger,
    authentication,
    services: (pool) => {
      const accounts = new AccountService(cachedAccountRepository(new AccountPgRepository(pool, accountEventsWire), accountCache), hooks);
      const identity = new IdentityService({
        credentials: credentialsOn(pool),
        loginGuard: new LoginGuard(new LoginThrottlePgStore(pool)),
        hasher,
        tokens: new JwtAccessTokens(keys.current),
        jwks,
        hooks,
      });
      return [accountGrpcService({ accounts, identity }, logger)];
    },
    background: (pool) => [
      ...(admin ? [runOnce(() => ensureFirstAdmin(admin, { credentials: credentialsOn(pool), hasher, logger }), logger)] : []),
      observeCache('account', accountCache),
      // Without NATS there are no other replicas to hear of: the process's own commits keep the cache fresh.
      ...(config.NATS_URL ? [startInvalidationFeed({ natsUrl: config.NATS_URL, subject: 'shop.account.account.>', cache: accountCache, logger, name: 'account-cache' })] : []),
      pruneLoginFailures(pool, logger),
      startCreateRequestPruner(new CredentialPgRepository(pool, accountEventsWire), logger),
    ],
    events: config.NATS_URL ? { natsUrl: config.NATS_URL, registry: accountEventRegistry, relay: relayLimitsOf(config) } : undefined,
  });
  return Object.assign(hosted, { accountCache });
}

function firstAdmin(config: AccountAppConfig, logger: Logger): FirstAdmin | undefined {
  if (!config.ADMIN_EMAIL) return undefined;
  const password =
    config.ADMIN_PASSWORD ??
    (config.ADMIN_PASSWORD_FILE ? readSecretFile(config.ADMIN_PASSWORD_FILE, config.CREATE_MISSING_SECRET_FILES ?? false, (file) => newAdminPassword(file, config.ADMIN_EMAIL!, logger)) : undefined);
  return password === undefined ? undefined : { email: config.ADMIN_EMAIL, password, name: config.ADMIN_NAME ?? 'Admin' };
}

/** A random password for the first admin, kept in `file` and printed once, so its owner can sign in. */
function newAdminPassword(file: string, email: string, logger: Logger): string {
  const password = randomBytes(18).toString('base64url');
  logger.info({ email, password, file }, 'first admin: made a password (shown this once; it is kept in the file)');
  return password;
}

/** A start-up task: runs once, logs (and does not crash the service on) failure. */
function runOnce(task: () => Promise<unknown>, logger: Logger): BackgroundTask {
  const running = task().catch((error: unknown) => logger.error({ err: error }, 'start-up task failed'));
  return { stop: async () => void (await running) };
}

/** Deletes failed logins no throttling window can count any more, every few minutes. */
function pruneLoginFailures(pool: Pool, logger: Logger): BackgroundTask {
  const throttle = new LoginThrottlePgStore(pool);
  return startPeriodicTask({ what: 'failed logins', intervalMs: 5 * 60_000, run: () => throttle.prune(new Date(Date.now() - LOGIN_WINDOW_MS)), logger });
}
