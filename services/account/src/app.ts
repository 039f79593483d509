import { fileURLToPath } from 'node:url';
import type { Logger } from '@shop/logger';
import { OUTBOX_MIGRATIONS_DIR } from '@shop/outbox';
import { hostService, type HostedService } from '@shop/service-host';
import type { AccountConfig } from './config.js';
import { accountEventRegistry, accountEventsWire } from './events/account-events-wire.js';
import { AccountPgRepository } from './repository/account-pg-repository.js';
import { accountGrpcService, accountPackageDefinition } from './server/account-grpc-server.js';
import { AccountService } from './service/account-service.js';

/** The SQL migrations of this service. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/** Everything its database needs, applied at start: its own migrations and the outbox's. */
export const MIGRATIONS = [MIGRATIONS_DIR, OUTBOX_MIGRATIONS_DIR];

/** A running account service: its port, readiness and graceful stop. */
export type AccountApp = HostedService;

type AccountAppConfig = Pick<AccountConfig, 'ACCOUNT_GRPC_PORT' | 'DATABASE_URL' | 'SHUTDOWN_GRACE_MS'> & Partial<Pick<AccountConfig, 'NATS_URL'>>;

/**
 * Wires the account service: repository (which writes every change's event to the outbox), use cases, gRPC
 * handlers, and the outbox relay to NATS when NATS_URL is given. The server starts at once and reports
 * NOT_SERVING until the database is reachable and migrated.
 */
export function buildAccountApp(config: AccountAppConfig, logger: Logger): Promise<AccountApp> {
  return hostService({
    name: 'account',
    port: config.ACCOUNT_GRPC_PORT,
    databaseUrl: config.DATABASE_URL,
    migrationsDir: MIGRATIONS,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    packageDefinition: accountPackageDefinition,
    logger,
    services: (pool) => [accountGrpcService(new AccountService(new AccountPgRepository(pool, accountEventsWire)), logger)],
    events: config.NATS_URL ? { natsUrl: config.NATS_URL, registry: accountEventRegistry } : undefined,
  });
}
