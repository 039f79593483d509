import { startAuthentication, type Authentication } from '@shop/identity';
import { createLogger } from '@shop/logger';
import type { OrderClient } from '@shop/order/client';
import { buildGatewayApp, type GatewayAppConfig } from '../../src/app.js';
import { OrderStatusFeed } from '../../src/events/order-status-feed.js';
import type { ShopHarness } from './shop-harness.js';

/** A second gateway over a test shop's services. */
export interface ExtraGateway {
  url: string;
  port: number;
  /** Its own order-status feed (the shop must run with events). */
  feed: OrderStatusFeed;
  authentication: Authentication;
  stop(): Promise<void>;
}

/** How the extra gateway differs from the shop's own. */
export interface ExtraGatewayOptions {
  /** Settings on top of the defaults (CORS_ORIGINS, WS_KEEPALIVE_MS...). */
  config?: Partial<GatewayAppConfig>;
  /** Wraps the order client, to count or hold its calls. */
  orders?: (orders: OrderClient) => OrderClient;
  /** False: its deny list never hears of revocations, so only the order service refuses a revoked token. */
  revocations?: boolean;
}

/**
 * Starts a gateway of its own over the services of `shop`, for tests that need other settings, a hook in its
 * clients, or its own feed, without disturbing the shop's gateway. Waits until its feed reads events.
 */
export async function startExtraGateway(shop: ShopHarness, options: ExtraGatewayOptions = {}): Promise<ExtraGateway> {
  if (!shop.natsUrl) throw new Error('startExtraGateway needs a shop started with events');
  const logger = createLogger('extra-gateway-test', 'silent');
  const authentication = startAuthentication({
    jwks: () => shop.clients.accounts.jwks(),
    natsUrl: options.revocations === false ? undefined : shop.natsUrl,
    logger,
    name: 'gateway-extra',
  });
  const feed = OrderStatusFeed.start(shop.natsUrl, logger, { checkToken: (authorization) => authentication.verifier.authenticate(authorization) });
  const orders = options.orders ? options.orders(shop.clients.orders) : shop.clients.orders;
  const gateway = await buildGatewayApp(
    { GATEWAY_PORT: 0, ...shop.addresses, SHUTDOWN_GRACE_MS: 1_000, ...options.config },
    { clients: { accounts: shop.clients.accounts, catalog: shop.clients.catalog, orders }, authentication, orderFeed: feed },
    logger,
  );
  await feed.listening;
  return {
    url: `http://127.0.0.1:${gateway.port}`,
    port: gateway.port,
    feed,
    authentication,
    stop: async () => {
      await gateway.stop();
      await feed.stop();
      await authentication.stop();
    },
  };
}

/** Wraps an order client so each getMany is counted, and the next one can be held until the test lets it go. */
export class OrderReadGate {
  /** getMany calls so far. */
  reads = 0;
  private held: { reached: () => void; released: Promise<void> } | undefined;

  wrap(orders: OrderClient): OrderClient {
    return new Proxy(orders, {
      get: (target, property, receiver) => {
        if (property !== 'getMany') {
          const value = Reflect.get(target, property, receiver) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        }
        return async (...args: Parameters<OrderClient['getMany']>) => {
          this.reads += 1;
          const held = this.held;
          this.held = undefined;
          if (held) {
            held.reached();
            await held.released;
          }
          return target.getMany(...args);
        };
      },
    });
  }

  /** Holds the next getMany: `reached` resolves when it is called, and it goes on when `release` is called. */
  holdNext(): { reached: Promise<void>; release: () => void } {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let reached: () => void = () => {};
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    this.held = { reached, released };
    return { reached: reachedPromise, release };
  }
}
