import { fileURLToPath } from 'node:url';
import { AccountClient } from '@shop/account/client';
import { UseCaseHooks, type HookLists } from '@shop/hooks';
import { startAuthentication, type JwksSource } from '@shop/identity';
import type { Logger } from '@shop/logger';
import { CONSUMER_MIGRATIONS_DIR, consumerLimitsOf, startInboxPrunerOf, type ConsumerSettingsConfig } from '@shop/event-consumer';
import { OUTBOX_MIGRATIONS_DIR, relayLimitsOf, type RelaySettingsConfig } from '@shop/outbox';
import type { Pool } from '@shop/postgres';
import { observeCache, startInvalidationFeed, type VersionedCache } from '@shop/read-cache';
import { hostService, type HostedService } from '@shop/service-host';
import type { Client } from '@elastic/elasticsearch';
import { DEFAULT_SEARCH_INDEX, type CatalogConfig } from './config.js';
import { catalogEventRegistry, catalogEventsWire, reservationEventsWire } from './events/catalog-events-wire.js';
import { startOrderEventsConsumer } from './events/order-events-consumer.js';
import { startSearchProjection } from './events/search-projection.js';
import type { Product } from './domain/product.js';
import type { ProductSearch } from './domain/product-search.js';
import { prepareSearchIndex } from './repository/elasticsearch/prepare-search-index.js';
import { ProductEsSearch } from './repository/elasticsearch/product-es-search.js';
import { ProductIndexAdmin } from './repository/elasticsearch/product-index-admin.js';
import { ProductIndexWriter } from './repository/elasticsearch/product-index-writer.js';
import { createSearchClient } from './repository/elasticsearch/search-client.js';
import { FallbackProductSearch } from './repository/fallback-product-search.js';
import { ProductPgSnapshot } from './repository/product-pg-snapshot.js';
import { cachedProductRepository, productCache as newProductCache } from './repository/product-cached-repository.js';
import { ProductPgRepository } from './repository/product-pg-repository.js';
import { ProductPgSearch } from './repository/product-pg-search.js';
import { StockReservationPgStore } from './repository/stock-reservation-pg-store.js';
import { catalogGrpcService, catalogPackageDefinition } from './server/catalog-grpc-server.js';
import { CATALOG_ACCESS } from './service/catalog-access.js';
import type { CatalogOperations } from './service/catalog-operations.js';
import { CatalogService } from './service/catalog-service.js';

/** The SQL migrations of this service. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/** Everything its database needs, applied at start: its own migrations, the outbox's and the inbox's. */
export const MIGRATIONS = [MIGRATIONS_DIR, OUTBOX_MIGRATIONS_DIR, CONSUMER_MIGRATIONS_DIR];

/** A running catalog service: its port, readiness and graceful stop, and its product cache (for its figures). */
export type CatalogApp = HostedService & { productCache: VersionedCache<Product> };

/** The settings buildCatalogApp reads. */
export type CatalogAppConfig = Pick<CatalogConfig, 'CATALOG_GRPC_PORT' | 'DATABASE_URL' | 'SHUTDOWN_GRACE_MS'> &
  Partial<Pick<CatalogConfig, 'DATABASE_STATEMENT_TIMEOUT_MS' | 'METRICS_PORT' | 'PRODUCT_CACHE_MAX_ENTRIES' | 'PRODUCT_CACHE_MAX_BYTES'>> &
  Partial<Pick<CatalogConfig, 'GRPC_HOST' | 'ACCOUNT_GRPC_ADDRESS' | 'NATS_URL' | 'ELASTICSEARCH_URL' | 'ELASTICSEARCH_INDEX'>> &
  RelaySettingsConfig &
  ConsumerSettingsConfig;

/** What tests (or a fork's composition root) may put in place of what the config describes, or add to it. */
export interface CatalogAppOverrides {
  /** An Elasticsearch client to use instead of one for ELASTICSEARCH_URL (a client on a mock transport). */
  searchClient?: Client;
  /** Where the public keys come from instead of the account service's GetJwks (a test's own signing key). */
  jwks?: JwksSource;
  /** Hooks around the use cases, after the access rule. */
  hooks?: HookLists<CatalogOperations>;
}

/** The search the use cases get: Postgres full-text search, or Elasticsearch falling back to it when it is down. */
function productSearch(pool: Pool, logger: Logger, elasticsearch: { client: Client; alias: string } | undefined): ProductSearch {
  const postgres = new ProductPgSearch(pool);
  if (!elasticsearch) return postgres;
  return new FallbackProductSearch(new ProductEsSearch(elasticsearch.client, elasticsearch.alias), postgres, logger.child({ component: 'search' }));
}

/**
 * Wires the catalog service: repository (which writes every change's event to the outbox), search, use cases,
 * gRPC handlers, and the outbox relay and consumers on NATS when NATS_URL is given. With Elasticsearch
 * configured, search reads its index (Postgres when it is down), the index is created or migrated in the
 * background, and a projection consumer keeps it in step with the product events.
 * The server starts at once and reports NOT_SERVING until the database is reachable and migrated.
 */
export async function buildCatalogApp(config: CatalogAppConfig, logger: Logger, overrides: CatalogAppOverrides = {}): Promise<CatalogApp> {
  const accountClient = overrides.jwks ? undefined : AccountClient.connect(config.ACCOUNT_GRPC_ADDRESS ?? '127.0.0.1:50051');
  const authentication = startAuthentication({ jwks: overrides.jwks ?? (() => accountClient!.jwks()), natsUrl: config.NATS_URL, logger, name: 'catalog' });
  const hooks = new UseCaseHooks<CatalogOperations>(CATALOG_ACCESS, overrides.hooks ?? {}, logger);
  // A client the app creates is the app's to close; one given in overrides is the caller's.
  const ownClient = !overrides.searchClient && config.ELASTICSEARCH_URL ? createSearchClient(config.ELASTICSEARCH_URL) : undefined;
  const client = overrides.searchClient ?? ownClient;
  const elasticsearch = client ? { client, alias: config.ELASTICSEARCH_INDEX ?? DEFAULT_SEARCH_INDEX } : undefined;
  const searchLogger = logger.child({ component: 'search-index' });
  const productCache = newProductCache({ maxEntries: config.PRODUCT_CACHE_MAX_ENTRIES ?? 10_000, maxBytes: config.PRODUCT_CACHE_MAX_BYTES ?? 32 * 1024 ** 2 });
  // With NATS, other replicas may change products: nothing is served from the cache until their events are heard.
  if (config.NATS_URL) productCache.setLive(false);
  const hosted = await hostService({
    name: 'catalog',
    port: config.CATALOG_GRPC_PORT,
    host: config.GRPC_HOST ?? '127.0.0.1',
    authentication,
    databaseUrl: config.DATABASE_URL,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    migrationsDir: MIGRATIONS,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    metricsPort: config.METRICS_PORT,
    packageDefinition: catalogPackageDefinition,
    logger,
    services: (pool) => [
      catalogGrpcService(
        new CatalogService(cachedProductRepository(new ProductPgRepository(pool, catalogEventsWire), productCache), productSearch(pool, logger, elasticsearch), hooks),
        logger,
      ),
    ],
    background: (pool) => [
      startInboxPrunerOf(config, pool, logger),
      observeCache('product', productCache),
      // Without NATS there are no other replicas to hear of: the process's own commits keep the cache fresh.
      ...(config.NATS_URL ? [startInvalidationFeed({ natsUrl: config.NATS_URL, subject: 'shop.catalog.product.>', cache: productCache, logger, name: 'catalog-cache' })] : []),
      ...(elasticsearch ? [prepareSearchIndex(new ProductIndexAdmin(elasticsearch.client, elasticsearch.alias, new ProductPgSnapshot(pool), searchLogger), pool, searchLogger)] : []),
    ],
    onStop: () => {
      accountClient?.close();
      return ownClient?.close();
    },
    events: config.NATS_URL
      ? {
          natsUrl: config.NATS_URL,
          registry: catalogEventRegistry,
          consumers: (pool, connection) => [
            startOrderEventsConsumer({
              connection,
              pool,
              reservations: new StockReservationPgStore(catalogEventsWire, reservationEventsWire),
              logger,
              limits: consumerLimitsOf(config),
            }),
            ...(elasticsearch
              ? [
                  startSearchProjection({
                    connection,
                    pool,
                    writer: new ProductIndexWriter(elasticsearch.client, elasticsearch.alias),
                    current: (id) => new ProductPgSnapshot(pool).current(id),
                    logger: searchLogger,
                    limits: consumerLimitsOf(config),
                  }),
                ]
              : []),
          ],
          relay: relayLimitsOf(config),
        }
      : undefined,
  });
  return Object.assign(hosted, { productCache });
}
