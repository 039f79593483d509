import { fileURLToPath } from 'node:url';
import type { Logger } from '@shop/logger';
import { hostService, type HostedService } from '@shop/service-host';
import type { CatalogConfig } from './config.js';
import { ProductPgRepository } from './repository/product-pg-repository.js';
import { ProductPgSearch } from './repository/product-pg-search.js';
import { catalogGrpcService, catalogPackageDefinition } from './server/catalog-grpc-server.js';
import { CatalogService } from './service/catalog-service.js';

/** The SQL migrations of this service, applied at start. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/** A running catalog service: its port, readiness and graceful stop. */
export type CatalogApp = HostedService;

/**
 * Wires the catalog service: repository, the Postgres full-text ProductSearch, use cases, gRPC handlers.
 * The server starts at once and reports NOT_SERVING until the database is reachable and migrated.
 */
export function buildCatalogApp(config: Pick<CatalogConfig, 'CATALOG_GRPC_PORT' | 'DATABASE_URL' | 'SHUTDOWN_GRACE_MS'>, logger: Logger): Promise<CatalogApp> {
  return hostService({
    name: 'catalog',
    port: config.CATALOG_GRPC_PORT,
    databaseUrl: config.DATABASE_URL,
    migrationsDir: MIGRATIONS_DIR,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    packageDefinition: catalogPackageDefinition,
    logger,
    services: (pool) => [catalogGrpcService(new CatalogService(new ProductPgRepository(pool), new ProductPgSearch(pool)), logger)],
  });
}
