import type { QueryResolvers } from '../generated/resolvers-types.js';
import { requireId } from '../input/arguments.js';

/** History by id, for records that may no longer exist (the services keep every event). */
export const historyQueries: QueryResolvers = {
  accountHistory: (_, { id }, { clients, auth }) => clients.accounts.history(requireId(id, 'id'), auth),
  productHistory: (_, { id }, { clients, auth }) => clients.catalog.history(requireId(id, 'id'), auth),
  orderHistory: (_, { id }, { clients, auth }) => clients.orders.history(requireId(id, 'id'), auth),
};
