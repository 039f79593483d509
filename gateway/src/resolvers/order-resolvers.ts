import { randomUUID } from 'node:crypto';
import { NotFoundError, ValidationError } from '@shop/errors';
import type { MutationResolvers, OrderItemResolvers, OrderResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import { ordersOf } from '../connections/cursor-lists.js';
import { requireFirst, requireId } from '../input/arguments.js';
import { historyPageKey } from '../loaders/history-loader.js';
import { GatewayErrorCode } from '../input/input-error-codes.js';

/** Query.order and Query.orders (the latter through the same batch loader as Account.orders). */
export const orderQueries: QueryResolvers = {
  order: (_, { id }, { loaders }) => loaders.orderById.load(requireId(id, 'id')),
  orders: (_, { accountId, first, after }, { loaders, cursors }) => {
    const account = requireId(accountId, 'accountId');
    return loaders.ordersByAccount.load({ accountId: account, first: requireFirst(first), start: cursors.read(ordersOf(account), after) });
  },
};

/** Order mutations; every id is checked here, quantities and the rest by the order service. */
export const orderMutations: MutationResolvers = {
  createOrder: (_, { input }, { clients, auth }) => {
    const accountId = input.accountId == null ? undefined : requireId(input.accountId, 'accountId');
    const items = input.items.map((item, index) => ({ productId: requireId(item.productId, `items[${index}].productId`), quantity: item.quantity }));
    return clients.orders.create({ accountId, items, idempotencyKey: idempotencyKeyOf(input.idempotencyKey) }, auth);
  },
  cancelOrder: (_, { id }, { clients, auth }) => clients.orders.cancel(requireId(id, 'id'), auth),
};

/** Order fields resolved from other services, batched per request. */
export const Order: OrderResolvers = {
  history: (order, args, { loaders }) => loaders.orderHistory.load(historyPageKey(order.id, args)),
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

/**
 * The idempotency key createOrder sends: the client's own (checked by the order service, except the empty string,
 * which the wire cannot tell from none), or else a new UUID for this createOrder of this GraphQL request. The
 * gateway's own retries of the call (after UNAVAILABLE) are then deduplicated, so they can never place a second
 * order; but a client that sends the mutation again gets a new key and a second order. A client that resends must
 * send its own idempotencyKey.
 */
function idempotencyKeyOf(key: string | null | undefined): string {
  if (key == null) return randomUUID();
  if (key === '') throw new ValidationError(GatewayErrorCode.invalidIdempotencyKey, 'idempotencyKey', 'idempotencyKey must be 1 to 100 characters; leave it out for none');
  return key;
}
