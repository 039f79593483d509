import { fileURLToPath } from 'node:url';
import { AccountClient } from '@shop/account/client';
import { CatalogClient } from '@shop/catalog/client';
import type { Logger } from '@shop/logger';
import { CONSUMER_MIGRATIONS_DIR } from '@shop/event-consumer';
import { OUTBOX_MIGRATIONS_DIR } from '@shop/outbox';
import { hostService, type HostedService } from '@shop/service-host';
import type { OrderConfig } from './config.js';
import { orderEventRegistry, orderEventsWire } from './events/order-events-wire.js';
import { startStockOutcomeConsumer } from './events/stock-outcome-consumer.js';
import { OrderPgRepository } from './repository/order-pg-repository.js';
import { orderGrpcService, orderPackageDefinition } from './server/order-grpc-server.js';
import type { AccountLookup, ProductLookup } from './service/order-dependencies.js';
import { OrderService } from './service/order-service.js';

/** The SQL migrations of this service. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/** Everything its database needs, applied at start: its own migrations, the outbox's and the inbox's. */
export const MIGRATIONS = [MIGRATIONS_DIR, OUTBOX_MIGRATIONS_DIR, CONSUMER_MIGRATIONS_DIR];

/** A running order service: its port, readiness and graceful stop. */
export type OrderApp = HostedService;

type OrderAppConfig = Pick<OrderConfig, 'ORDER_GRPC_PORT' | 'DATABASE_URL' | 'ACCOUNT_GRPC_ADDRESS' | 'CATALOG_GRPC_ADDRESS' | 'SHUTDOWN_GRACE_MS'> &
  Partial<Pick<OrderConfig, 'NATS_URL'>>;

/**
 * Wires the order service: repository (which writes every change's event to the outbox, published by a relay
 * when NATS_URL is given), the account and catalog clients (or the lookups a test passes), use
 * cases, gRPC handlers. It reports NOT_SERVING until its own database is reachable and migrated; the other
 * services may come up later, and calls needing them answer UNAVAILABLE meanwhile.
 */
export function buildOrderApp(config: OrderAppConfig, logger: Logger, lookups: { accounts?: AccountLookup; products?: ProductLookup } = {}): Promise<OrderApp> {
  const accountClient = lookups.accounts ? undefined : AccountClient.connect(config.ACCOUNT_GRPC_ADDRESS);
  const catalogClient = lookups.products ? undefined : CatalogClient.connect(config.CATALOG_GRPC_ADDRESS);
  const accounts = lookups.accounts ?? accountClient!;
  const products = lookups.products ?? catalogClient!;
  return hostService({
    name: 'order',
    port: config.ORDER_GRPC_PORT,
    databaseUrl: config.DATABASE_URL,
    migrationsDir: MIGRATIONS,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    packageDefinition: orderPackageDefinition,
    logger,
    services: (pool) => [orderGrpcService(new OrderService(new OrderPgRepository(pool, orderEventsWire), accounts, products), logger)],
    events: config.NATS_URL
      ? {
          natsUrl: config.NATS_URL,
          registry: orderEventRegistry,
          consumers: (pool, connection) => [startStockOutcomeConsumer({ connection, pool, orders: new OrderPgRepository(pool, orderEventsWire), logger })],
        }
      : undefined,
    onStop: () => {
      accountClient?.close();
      catalogClient?.close();
    },
  });
}
