import type { GatewayClients } from './clients.js';
import type { OrderStatusFeed } from './events/order-status-feed.js';
import { createLoaders, type GatewayLoaders } from './loaders/gateway-loaders.js';

/** What every resolver gets: the clients for mutations and top-level lists, the loaders for lookups. */
export interface GatewayContext {
  clients: GatewayClients;
  loaders: GatewayLoaders;
  /** Live order events for subscriptions; undefined when the gateway runs without NATS. */
  orderFeed: OrderStatusFeed | undefined;
}

/** The context of one GraphQL request (or one subscription). */
export function createContext(clients: GatewayClients, orderFeed?: OrderStatusFeed): GatewayContext {
  return { clients, loaders: createLoaders(clients), orderFeed };
}
