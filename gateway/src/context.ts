import { callContextFor, type CallContext } from '@shop/grpc-kit';
import type { Caller } from '@shop/identity';
import type { GatewayClients } from './clients.js';
import type { CursorSigner } from './connections/cursor-signer.js';
import type { OrderStatusFeed } from './events/order-status-feed.js';
import { createLoaders, type GatewayLoaders } from './loaders/gateway-loaders.js';
import type { PublicLoaders } from './loaders/public-loaders.js';

/** What every resolver gets: who is asking, the clients (called with the caller's token), the loaders for lookups. */
export interface GatewayContext {
  /** The caller, from the request's verified token (anonymous without one). */
  caller: Caller;
  /** What every service call of this request carries: the caller's own token, forwarded unchanged. */
  auth: CallContext;
  clients: GatewayClients;
  loaders: GatewayLoaders;
  /** Signs the cursors of every connection and checks the `after` a client sends back (CURSOR_SECRET). */
  cursors: CursorSigner;
  /** Live order events for subscriptions; undefined when the gateway runs without NATS. */
  orderFeed: OrderStatusFeed | undefined;
}

/** The context of one GraphQL request (or one subscription) made by `caller`. */
export function createContext(
  clients: GatewayClients,
  caller: Caller,
  cursors: CursorSigner,
  publicLoaders: PublicLoaders,
  orderFeed?: OrderStatusFeed,
): GatewayContext {
  const auth = callContextFor(caller);
  return { caller, auth, clients, loaders: createLoaders(clients, auth, cursors, publicLoaders), cursors, orderFeed };
}
