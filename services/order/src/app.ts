import { fileURLToPath } from 'node:url';
import { AccountClient } from '@shop/account/client';
import { CatalogClient } from '@shop/catalog/client';
import { CONSUMER_MIGRATIONS_DIR, consumerLimitsOf, startInboxPrunerOf, type ConsumerSettingsConfig } from '@shop/event-consumer';
import { callContextFor } from '@shop/grpc-kit';
import { UseCaseHooks, type HookLists } from '@shop/hooks';
import { startAuthentication, type JwksSource } from '@shop/identity';
import type { Logger } from '@shop/logger';
import { OUTBOX_MIGRATIONS_DIR, relayLimitsOf, type RelaySettingsConfig } from '@shop/outbox';
import { hostService, type HostedService } from '@shop/service-host';
import type { OrderConfig } from './config.js';
import { orderEventRegistry, orderEventsWire } from './events/order-events-wire.js';
import { startStockOutcomeConsumer } from './events/stock-outcome-consumer.js';
import { OrderPgRepository } from './repository/order-pg-repository.js';
import { orderGrpcService, orderPackageDefinition } from './server/order-grpc-server.js';
import { startIdempotencyPruner } from './service/idempotency-pruner.js';
import { ORDER_ACCESS } from './service/order-access.js';
import type { AccountLookup, ProductLookup } from './service/order-dependencies.js';
import type { OrderOperations } from './service/order-operations.js';
import { OrderService } from './service/order-service.js';

/** The SQL migrations of this service. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/** Everything its database needs, applied at start: its own migrations, the outbox's and the inbox's. */
export const MIGRATIONS = [MIGRATIONS_DIR, OUTBOX_MIGRATIONS_DIR, CONSUMER_MIGRATIONS_DIR];

/** A running order service: its port, readiness and graceful stop. */
export type OrderApp = HostedService;

/** The settings buildOrderApp reads. */
export type OrderAppConfig = Pick<OrderConfig, 'ORDER_GRPC_PORT' | 'DATABASE_URL' | 'ACCOUNT_GRPC_ADDRESS' | 'CATALOG_GRPC_ADDRESS' | 'SHUTDOWN_GRACE_MS'> &
  Partial<Pick<OrderConfig, 'DATABASE_STATEMENT_TIMEOUT_MS' | 'METRICS_PORT'>> &
  Partial<Pick<OrderConfig, 'GRPC_HOST' | 'NATS_URL'>> &
  RelaySettingsConfig &
  ConsumerSettingsConfig;

/** What tests (or a fork's composition root) may put in place of the real parts, or add. */
export interface OrderAppParts {
  accounts?: AccountLookup;
  products?: ProductLookup;
  /** Where the public keys come from instead of the account service's GetJwks (a test's own signing key). */
  jwks?: JwksSource;
  /** Hooks around the use cases, after the access rule. */
  hooks?: HookLists<OrderOperations>;
}

/**
 * Wires the order service: token checks (the account service's public keys, the deny list fed over NATS), the
 * repository (which writes every change's event to the outbox, published by a relay when NATS_URL is given), the
 * account and catalog clients (asked with the caller's own token), the use cases inside their hooks (the access
 * table first), gRPC handlers, and the stock saga's consumer. It reports NOT_SERVING until its own database is
 * reachable and migrated; the other services may come up later, and calls needing them answer UNAVAILABLE meanwhile.
 */
export function buildOrderApp(config: OrderAppConfig, logger: Logger, parts: OrderAppParts = {}): Promise<OrderApp> {
  const accountClient = parts.accounts && parts.jwks ? undefined : AccountClient.connect(config.ACCOUNT_GRPC_ADDRESS);
  const catalogClient = parts.products ? undefined : CatalogClient.connect(config.CATALOG_GRPC_ADDRESS);
  const accounts: AccountLookup = parts.accounts ?? { getMany: (ids, caller) => accountClient!.getMany(ids, callContextFor(caller)) };
  const products: ProductLookup = parts.products ?? { getMany: (ids, caller) => catalogClient!.getMany(ids, callContextFor(caller)) };
  const authentication = startAuthentication({ jwks: parts.jwks ?? (() => accountClient!.jwks()), natsUrl: config.NATS_URL, logger, name: 'order' });
  const hooks = new UseCaseHooks<OrderOperations>(ORDER_ACCESS, parts.hooks ?? {}, logger);
  return hostService({
    name: 'order',
    port: config.ORDER_GRPC_PORT,
    host: config.GRPC_HOST ?? '127.0.0.1',
    databaseUrl: config.DATABASE_URL,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    migrationsDir: MIGRATIONS,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    metricsPort: config.METRICS_PORT,
    packageDefinition: orderPackageDefinition,
    logger,
    authentication,
    background: (pool) => [startInboxPrunerOf(config, pool, logger), startIdempotencyPruner(new OrderPgRepository(pool, orderEventsWire), logger)],
    services: (pool) => [orderGrpcService(new OrderService(new OrderPgRepository(pool, orderEventsWire), accounts, products, hooks), logger)],
    events: config.NATS_URL
      ? {
          natsUrl: config.NATS_URL,
          registry: orderEventRegistry,
          consumers: (pool, connection) => [
            startStockOutcomeConsumer({ connection, pool, orders: new OrderPgRepository(pool, orderEventsWire), logger, limits: consumerLimitsOf(config) }),
          ],
          relay: relayLimitsOf(config),
        }
      : undefined,
    onStop: () => {
      accountClient?.close();
      catalogClient?.close();
    },
  });
}
