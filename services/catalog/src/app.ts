import { fileURLToPath } from 'node:url';
import { startGrpcServer } from '@shop/grpc-kit';
import type { Logger } from '@shop/logger';
import { createPool, migrateInBackground } from '@shop/postgres';
import type { CatalogConfig } from './config.js';
import { ProductPgRepository } from './repository/product-pg-repository.js';
import { ProductPgSearch } from './repository/product-pg-search.js';
import { catalogGrpcService, catalogPackageDefinition } from './server/catalog-grpc-server.js';
import { CatalogService } from './service/catalog-service.js';

/** The SQL migrations of this service, applied at start. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/** A running catalog service. */
export interface CatalogApp {
  port: number;
  /** Resolves once migrations ran and the service reports SERVING. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Wires the catalog service: pool, repository, search, use cases, gRPC server. The server starts at once and
 * reports NOT_SERVING until the database is reachable and migrated.
 */
export async function buildCatalogApp(config: Pick<CatalogConfig, 'CATALOG_GRPC_PORT' | 'DATABASE_URL' | 'SHUTDOWN_GRACE_MS'>, logger: Logger): Promise<CatalogApp> {
  const pool = createPool(config.DATABASE_URL, {
    applicationName: 'catalog',
    onError: (error) => logger.warn({ err: error }, 'idle database connection lost'),
  });
  const service = new CatalogService(new ProductPgRepository(pool), new ProductPgSearch(pool));
  const server = await startGrpcServer({
    port: config.CATALOG_GRPC_PORT,
    services: [catalogGrpcService(service, logger)],
    packageDefinition: catalogPackageDefinition,
    logger,
    servingAtStart: false,
  });

  const migration = migrateInBackground(config.DATABASE_URL, MIGRATIONS_DIR, logger, () => {
    server.setServing(true);
    logger.info('catalog service ready');
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
