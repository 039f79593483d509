import { fileURLToPath } from 'node:url';
import type { Logger } from '@shop/logger';
import { hostService, type HostedService } from '@shop/service-host';
import type { AccountConfig } from './config.js';
import { AccountPgRepository } from './repository/account-pg-repository.js';
import { accountGrpcService, accountPackageDefinition } from './server/account-grpc-server.js';
import { AccountService } from './service/account-service.js';

/** The SQL migrations of this service, applied at start. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/** A running account service: its port, readiness and graceful stop. */
export type AccountApp = HostedService;

/**
 * Wires the account service: repository, use cases, gRPC handlers. The server starts at once and reports
 * NOT_SERVING until the database is reachable and migrated.
 */
export function buildAccountApp(config: Pick<AccountConfig, 'ACCOUNT_GRPC_PORT' | 'DATABASE_URL' | 'SHUTDOWN_GRACE_MS'>, logger: Logger): Promise<AccountApp> {
  return hostService({
    name: 'account',
    port: config.ACCOUNT_GRPC_PORT,
    databaseUrl: config.DATABASE_URL,
    migrationsDir: MIGRATIONS_DIR,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    packageDefinition: accountPackageDefinition,
    logger,
    services: (pool) => [accountGrpcService(new AccountService(new AccountPgRepository(pool)), logger)],
  });
}
