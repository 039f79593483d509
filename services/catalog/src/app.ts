import { fileURLToPath } from 'node:url';
import type { Logger } from '@shop/logger';
import { CONSUMER_MIGRATIONS_DIR } from '@shop/event-consumer';
import { OUTBOX_MIGRATIONS_DIR } from '@shop/outbox';
import { hostService, type HostedService } from '@shop/service-host';
import type { CatalogConfig } from './config.js';
import { catalogEventRegistry, catalogEventsWire, reservationEventsWire } from './events/catalog-events-wire.js';
import { startOrderEventsConsumer } from './events/order-events-consumer.js';
import { ProductPgRepository } from './repository/product-pg-repository.js';
import { ProductPgSearch } from './repository/product-pg-search.js';
import { StockReservationPgStore } from './repository/stock-reservation-pg-store.js';
import { catalogGrpcService, catalogPackageDefinition } from './server/catalog-grpc-server.js';
import { CatalogService } from './service/catalog-service.js';

/** The SQL migrations of this service. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/** Everything its database needs, applied at start: its own migrations, the outbox's and the inbox's. */
export const MIGRATIONS = [MIGRATIONS_DIR, OUTBOX_MIGRATIONS_DIR, CONSUMER_MIGRATIONS_DIR];

/** A running catalog service: its port, readiness and graceful stop. */
export type CatalogApp = HostedService;

/**
 * Wires the catalog service: repository (which writes every change's event to the outbox), the Postgres
 * full-text ProductSearch, use cases, gRPC handlers, and the outbox relay to NATS when NATS_URL is given.
 * The server starts at once and reports NOT_SERVING until the database is reachable and migrated.
 */
export function buildCatalogApp(
  config: Pick<CatalogConfig, 'CATALOG_GRPC_PORT' | 'DATABASE_URL' | 'SHUTDOWN_GRACE_MS'> & Partial<Pick<CatalogConfig, 'NATS_URL'>>,
  logger: Logger,
): Promise<CatalogApp> {
  return hostService({
    name: 'catalog',
    port: config.CATALOG_GRPC_PORT,
    databaseUrl: config.DATABASE_URL,
    migrationsDir: MIGRATIONS,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    packageDefinition: catalogPackageDefinition,
    logger,
    services: (pool) => [catalogGrpcService(new CatalogService(new ProductPgRepository(pool, catalogEventsWire), new ProductPgSearch(pool)), logger)],
    events: config.NATS_URL
      ? {
          natsUrl: config.NATS_URL,
          registry: catalogEventRegistry,
          consumers: (pool, connection) => [
            startOrderEventsConsumer({ connection, pool, reservations: new StockReservationPgStore(catalogEventsWire, reservationEventsWire), logger }),
          ],
        }
      : undefined,
  });
}
