import type { GatewayClients } from './clients.js';
import { createLoaders, type GatewayLoaders } from './loaders/gateway-loaders.js';

/** What every resolver gets: the clients for mutations and top-level lists, the loaders for lookups. */
export interface GatewayContext {
  clients: GatewayClients;
  loaders: GatewayLoaders;
}

/** The context of one GraphQL request. */
export function createContext(clients: GatewayClients): GatewayContext {
  return { clients, loaders: createLoaders(clients) };
}
