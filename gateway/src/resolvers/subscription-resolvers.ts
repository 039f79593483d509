import { NotFoundError, UnauthenticatedError, UnavailableError } from '@shop/errors';
import type { OrderView } from '@shop/order/client';
import type { SubscriptionResolvers } from '../generated/resolvers-types.js';
import { requireId } from '../input/arguments.js';
import { GatewayErrorCode } from '../input/input-error-codes.js';

/** Live updates: the order as it is after each of its events (CONFIRMED, REJECTED, CANCELLED). */
export const Subscription: SubscriptionResolvers = {
  orderStatusChanged: {
    // Checks run before the stream starts, so a bad id or an unknown order is an error result, not a broken stream.
    subscribe: async (_, { orderId }, { caller, clients, auth, orderFeed }) => {
      const id = requireId(orderId, 'orderId');
      if (caller.kind === 'anonymous') throw new UnauthenticatedError(GatewayErrorCode.signInNeeded, 'orderStatusChanged needs a signed-in caller: send the token in connection_init');
      if (!orderFeed) throw new UnavailableError(GatewayErrorCode.liveUpdatesOff, 'live updates need NATS (NATS_URL)');
      // The feed listens before this check, so no change between the check and the first event is missed. The
      // order service decides what the caller may see: another customer's order answers as unknown.
      const updates = await orderFeed.watch(id, {
        authorization: auth.authorization,
        read: async () => (await clients.orders.getMany([id], auth))[0],
      });
      if (!updates) throw new NotFoundError(GatewayErrorCode.missingOrder, `order ${id} not found`);
      return updates;
    },
    resolve: (order: OrderView) => order,
  },
};
