import type { QueryResolvers } from '../generated/resolvers-types.js';
import { requireId } from '../input/arguments.js';

/** History by id, for records that may no longer exist (the services keep every event). */
export const historyQueries: QueryResolvers = {
  accountHistory: (_, { id }, { clients }) => clients.accounts.history(requireId(id, 'id')),
  productHistory: (_, { id }, { clients }) => clients.catalog.history(requireId(id, 'id')),
  orderHistory: (_, { id }, { clients }) => clients.orders.history(requireId(id, 'id')),
};
