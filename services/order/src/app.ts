import { fileURLToPath } from 'node:url';
import { AccountClient } from '@shop/account/client';
import { CatalogClient } from '@shop/catalog/client';
import { startGrpcServer } from '@shop/grpc-kit';
import type { Logger } from '@shop/logger';
import { createPool, migrateInBackground } from '@shop/postgres';
import type { OrderConfig } from './config.js';
import { OrderPgRepository } from './repository/order-pg-repository.js';
import { orderGrpcService, orderPackageDefinition } from './server/order-grpc-server.js';
import type { AccountLookup, ProductLookup } from './service/order-dependencies.js';
import { OrderService } from './service/order-service.js';

/** The SQL migrations of this service, applied at start. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/** A running order service. */
export interface OrderApp {
  port: number;
  /** Resolves once migrations ran and the service reports SERVING. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

type OrderAppConfig = Pick<OrderConfig, 'ORDER_GRPC_PORT' | 'DATABASE_URL' | 'ACCOUNT_GRPC_ADDRESS' | 'CATALOG_GRPC_ADDRESS' | 'SHUTDOWN_GRACE_MS'>;

/**
 * Wires the order service: pool, repository, the account and catalog clients (or the lookups a test passes),
 * use cases, gRPC server. It reports NOT_SERVING until its own database is reachable and migrated; the other
 * services may come up later, and calls needing them answer UNAVAILABLE meanwhile.
 */
export async function buildOrderApp(config: OrderAppConfig, logger: Logger, lookups: { accounts?: AccountLookup; products?: ProductLookup } = {}): Promise<OrderApp> {
  const pool = createPool(config.DATABASE_URL, {
    applicationName: 'order',
    onError: (error) => logger.warn({ err: error }, 'idle database connection lost'),
  });
  const accountClient = lookups.accounts ? undefined : AccountClient.connect(config.ACCOUNT_GRPC_ADDRESS);
  const catalogClient = lookups.products ? undefined : CatalogClient.connect(config.CATALOG_GRPC_ADDRESS);
  const service = new OrderService(new OrderPgRepository(pool), lookups.accounts ?? accountClient!, lookups.products ?? catalogClient!);
  const server = await startGrpcServer({
    port: config.ORDER_GRPC_PORT,
    services: [orderGrpcService(service, logger)],
    packageDefinition: orderPackageDefinition,
    logger,
    servingAtStart: false,
  });

  const migration = migrateInBackground(config.DATABASE_URL, MIGRATIONS_DIR, logger, () => {
    server.setServing(true);
    logger.info('order service ready');
  });

  return {
    port: server.port,
    ready: migration.ready,
    stop: async () => {
      migration.cancel();
      await server.shutdown(config.SHUTDOWN_GRACE_MS);
      accountClient?.close();
      catalogClient?.close();
      await pool.end();
    },
  };
}
