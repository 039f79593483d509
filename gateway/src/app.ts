import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Authentication, Caller } from '@shop/identity';
import type { Logger } from '@shop/logger';
import type { GatewayClients } from './clients.js';
import type { GatewayConfig } from './config.js';
import { createContext } from './context.js';
import { createApolloServer } from './graphql/apollo-server.js';
import type { OrderStatusFeed } from './events/order-status-feed.js';
import { gatewayRequestListener } from './http/gateway-routes.js';
import { serveSubscriptions } from './http/subscriptions.js';

export type { GatewayClients } from './clients.js';

/** A running gateway. */
export interface GatewayApp {
  /** The bound HTTP port (GATEWAY_PORT, or a free one when that is 0). */
  port: number;
  /** Stops taking requests, lets those in flight finish for up to SHUTDOWN_GRACE_MS, then closes. The clients stay open: their owner closes them. */
  stop(): Promise<void>;
}

/** The settings buildGatewayApp reads. */
export type GatewayAppConfig = Pick<
  GatewayConfig,
  'GATEWAY_PORT' | 'ACCOUNT_GRPC_ADDRESS' | 'CATALOG_GRPC_ADDRESS' | 'ORDER_GRPC_ADDRESS' | 'SHUTDOWN_GRACE_MS'
>;

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
  const createContextFor = (caller: Caller) => createContext(clients, caller, orderFeed);
  const httpServer = createServer();
  const apollo = createApolloServer({ httpServer, logger, stopGracePeriodMs: config.SHUTDOWN_GRACE_MS });
  await apollo.start();
  httpServer.on(
    'request',
    gatewayRequestListener({
      apollo,
      authentication,
      createContext: createContextFor,
      addresses: { account: config.ACCOUNT_GRPC_ADDRESS, catalog: config.CATALOG_GRPC_ADDRESS, order: config.ORDER_GRPC_ADDRESS },
      logger,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.GATEWAY_PORT, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const closeSubscriptions = serveSubscriptions(httpServer, { verifier: authentication.verifier, createContext: createContextFor }, logger);
  const { port } = httpServer.address() as AddressInfo;
  logger.info({ port }, 'gateway listening');
  return {
    port,
    stop: async () => {
      await closeSubscriptions();
      await apollo.stop();
    },
  };
}
