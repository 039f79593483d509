import type { AddressInfo } from 'node:net';
import type { Authentication, Caller } from '@shop/identity';
import type { Logger } from '@shop/logger';
import type { GatewayClients } from './clients.js';
import { DEFAULT_WEBSOCKET_SETTINGS, gatewayLimits, type GatewayConfig, type GatewayLimits, type WebSocketSettings } from './config.js';
import { CursorSigner } from './connections/cursor-signer.js';
import { createContext } from './context.js';
import { createPublicLoaders } from './loaders/public-loaders.js';
import { createApolloServer } from './graphql/apollo-server.js';
import { ValidationSafetyNet } from './graphql/validation-safety-net.js';
import type { OrderStatusFeed } from './events/order-status-feed.js';
import { gatewayRequestListener } from './http/gateway-routes.js';
import { createGatewayHttpServer } from './http/http-server.js';
import { serveSubscriptions } from './http/subscriptions.js';
import { collectProcessMetrics, startMetricsServer, type MetricsServer } from '@shop/metrics';

export type { GatewayClients } from './clients.js';

/** A running gateway. */
export interface GatewayApp {
  /** The bound HTTP port (GATEWAY_PORT, or a free one when that is 0). */
  port: number;
  /** The bound /metrics port, when METRICS_PORT is set. */
  metricsPort: number | undefined;
  /** Stops taking requests, lets those in flight finish for up to SHUTDOWN_GRACE_MS, then closes. The clients stay open: their owner closes them. */
  stop(): Promise<void>;
}

/** The settings buildGatewayApp reads; limits left out keep their defaults. */
export type GatewayAppConfig = Pick<
  GatewayConfig,
  'GATEWAY_PORT' | 'ACCOUNT_GRPC_ADDRESS' | 'CATALOG_GRPC_ADDRESS' | 'ORDER_GRPC_ADDRESS' | 'SHUTDOWN_GRACE_MS'
> &
  Partial<GatewayLimits> &
  Partial<WebSocketSettings> &
  // Without CURSOR_SECRET (tests, benches) the app signs with a random key of its own.
  Partial<Pick<GatewayConfig, 'CURSOR_SECRET'>> &
  // Without METRICS_PORT, no /metrics (a cluster worker leaves it to its primary).
  Partial<Pick<GatewayConfig, 'METRICS_PORT' | 'METRICS_HOST'>>;

/** The parts main.ts (or a test) connects and hands in; their owner closes them. */
export interface GatewayParts {
  clients: GatewayClients;
  /** Token checks: the account service's public keys and the deny list fed over NATS. */
  authentication: Authentication;
  /** Live order events for subscriptions; absent without NATS. */
  orderFeed?: OrderStatusFeed | undefined;
}

/**
 * Wires the gateway: every request's token checked, then Apollo over the given clients (called with that
 * token), behind a plain node:http server. Parts are passed in (not connected here) so tests can hand in real
 * clients wrapped to count calls.
 */
export async function buildGatewayApp(config: GatewayAppConfig, parts: GatewayParts, logger: Logger): Promise<GatewayApp> {
  const { clients, authentication, orderFeed } = parts;
  const cursors = config.CURSOR_SECRET ? new CursorSigner(config.CURSOR_SECRET) : CursorSigner.withRandomKey();
  const publicLoaders = createPublicLoaders(clients);
  const createContextFor = (caller: Caller) => createContext(clients, caller, cursors, publicLoaders, orderFeed);
  const limits = gatewayLimits(config);
  const httpServer = createGatewayHttpServer(limits);
  const safetyNet = new ValidationSafetyNet();
  const apollo = createApolloServer({ httpServer, logger, stopGracePeriodMs: config.SHUTDOWN_GRACE_MS, limits, safetyNet });
  await apollo.start();
  httpServer.on(
    'request',
    gatewayRequestListener({
      apollo,
      safetyNet,
      maxBodyBytes: limits.HTTP_MAX_BODY_BYTES,
      authentication,
      createContext: createContextFor,
      addresses: { account: config.ACCOUNT_GRPC_ADDRESS, catalog: config.CATALOG_GRPC_ADDRESS, order: config.ORDER_GRPC_ADDRESS },
      logger,
    }),
  );
  // WebSocket settings left out keep their defaults, like the limits.
  const websocket = { ...DEFAULT_WEBSOCKET_SETTINGS, ...definedOnly(config) };
  const closeSubscriptions = serveSubscriptions(
    httpServer,
    { verifier: authentication.verifier, createContext: createContextFor },
    { ...websocket, ...limits, SHUTDOWN_GRACE_MS: config.SHUTDOWN_GRACE_MS },
    logger,
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.GATEWAY_PORT, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  logger.info({ port }, 'gateway listening');
  const metrics = await serveMetrics(config, logger);
  return {
    port,
    metricsPort: metrics?.port,
    stop: async () => {
      // Side by side, so sockets and HTTP requests share one grace period rather than take one each.
      await Promise.all([closeSubscriptions(), apollo.stop()]);
      await metrics?.close();
    },
  };
}

/** Serves /metrics on METRICS_PORT (with the process's own series), when it is set. */
async function serveMetrics(config: GatewayAppConfig, logger: Logger): Promise<MetricsServer | undefined> {
  if (config.METRICS_PORT === undefined) return undefined;
  collectProcessMetrics('gateway');
  const metrics = await startMetricsServer({ port: config.METRICS_PORT, host: config.METRICS_HOST ?? '127.0.0.1' });
  logger.info({ port: metrics.port }, 'metrics served on /metrics');
  return metrics;
}

/** The WebSocket settings `config` sets (an undefined value keeps its default). */
function definedOnly(config: Partial<WebSocketSettings>): Partial<WebSocketSettings> {
  return Object.fromEntries(Object.entries(config).filter(([name, value]) => name in DEFAULT_WEBSOCKET_SETTINGS && value !== undefined));
}
