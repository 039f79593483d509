import { NotFoundError } from '@shop/errors';
import type { MutationResolvers, OrderItemResolvers, OrderResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import { requireFirst, requireId } from '../input/arguments.js';
import { GatewayErrorCode } from '../input/input-error-codes.js';

/** Query.order and Query.orders (the latter through the same batch loader as Account.orders). */
export const orderQueries: QueryResolvers = {
  order: (_, { id }, { loaders }) => loaders.orderById.load(requireId(id, 'id')),
  orders: (_, { accountId, first, after }, { loaders }) =>
    loaders.ordersByAccount.load({ accountId: requireId(accountId, 'accountId'), first: requireFirst(first), after }),
};

/** Order mutations; every id is checked here, quantities and the rest by the order service. */
export const orderMutations: MutationResolvers = {
  createOrder: (_, { input }, { clients, auth }) => {
    const accountId = input.accountId == null ? undefined : requireId(input.accountId, 'accountId');
    const items = input.items.map((item, index) => ({ productId: requireId(item.productId, `items[${index}].productId`), quantity: item.quantity }));
    return clients.orders.create({ accountId, items }, auth);
  },
  cancelOrder: (_, { id }, { clients, auth }) => clients.orders.cancel(requireId(id, 'id'), auth),
};

/** Order fields resolved from other services, batched per request. */
export const Order: OrderResolvers = {
  history: (order, _, { clients, auth }) => clients.orders.history(order.id, auth),
  account: async (order, _, { loaders }) => {
    const account = await loaders.accountById.load(order.accountId);
    if (!account) throw new NotFoundError(GatewayErrorCode.missingAccount, `account ${order.accountId} of order ${order.id} no longer exists`);
    return account;
  },
};

/** OrderItem: the snapshot fields under their schema names, and the product as it is now (null once deleted). */
export const OrderItem: OrderItemResolvers = {
  name: (item) => item.productName,
  product: (item, _, { loaders }) => loaders.productById.load(item.productId),
};
