import type { QueryResolvers } from '../generated/resolvers-types.js';
import { requireId } from '../input/arguments.js';
import { historyPageKey } from '../loaders/history-loader.js';

/** History by id, for records that may no longer exist (the services keep every event); batched like the nested fields. */
export const historyQueries: QueryResolvers = {
  accountHistory: (_, { id, ...page }, { loaders }) => loaders.accountHistory.load(historyPageKey(requireId(id, 'id'), page)),
  productHistory: (_, { id, ...page }, { loaders }) => loaders.productHistory.load(historyPageKey(requireId(id, 'id'), page)),
  orderHistory: (_, { id, ...page }, { loaders }) => loaders.orderHistory.load(historyPageKey(requireId(id, 'id'), page)),
};
