import { fileURLToPath } from 'node:url';
import { startGrpcServer } from '@shop/grpc-kit';
import type { Logger } from '@shop/logger';
import { createPool, migrateInBackground } from '@shop/postgres';
import type { AccountConfig } from './config.js';
import { AccountPgRepository } from './repository/account-pg-repository.js';
import { accountGrpcService, accountPackageDefinition } from './server/account-grpc-server.js';
import { AccountService } from './service/account-service.js';

/** The SQL migrations of this service, applied at start. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/** A running account service. */
export interface AccountApp {
  port: number;
  /** Resolves once migrations ran and the service reports SERVING. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Wires the account service: pool, repository, use cases, gRPC server. The server starts at once and
 * reports NOT_SERVING until the database is reachable and migrated.
 */
export async function buildAccountApp(config: Pick<AccountConfig, 'ACCOUNT_GRPC_PORT' | 'DATABASE_URL' | 'SHUTDOWN_GRACE_MS'>, logger: Logger): Promise<AccountApp> {
  const pool = createPool(config.DATABASE_URL, {
    applicationName: 'account',
    onError: (error) => logger.warn({ err: error }, 'idle database connection lost'),
  });
  const service = new AccountService(new AccountPgRepository(pool));
  const server = await startGrpcServer({
    port: config.ACCOUNT_GRPC_PORT,
    services: [accountGrpcService(service, logger)],
    packageDefinition: accountPackageDefinition,
    logger,
    servingAtStart: false,
  });

  const migration = migrateInBackground(config.DATABASE_URL, MIGRATIONS_DIR, logger, () => {
    server.setServing(true);
    logger.info('account service ready');
  });

  return {
    port: server.port,
    ready: migration.ready,
    stop: async () => {
      migration.cancel();
      await server.shutdown(config.SHUTDOWN_GRACE_MS);
      await pool.end();
    },
  };
}
