import { NotFoundError, UnauthenticatedError, UnavailableError } from '@shop/errors';
import type { OrderView } from '@shop/order/client';
import type { GatewayContext } from '../context.js';
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
      // The order service decides what the caller may see: another customer's order answers as unknown.
      if ((await clients.orders.getMany([id], auth)).length === 0) throw new NotFoundError(GatewayErrorCode.missingOrder, `order ${id} not found`);
      return orderUpdates(id, { clients, auth, orderFeed });
    },
  },
};

/** Yields the order each time one of its events is published; stops listening when the client unsubscribes. */
async function* orderUpdates(
  id: string,
  { clients, auth, orderFeed }: Pick<GatewayContext, 'clients' | 'auth'> & { orderFeed: NonNullable<GatewayContext['orderFeed']> },
): AsyncGenerator<{ orderStatusChanged: OrderView }> {
  let wake: (() => void) | undefined;
  let pending = 0;
  const stopListening = orderFeed.listen(id, () => {
    pending += 1;
    wake?.();
  });
  try {
    for (;;) {
      if (pending === 0) await new Promise<void>((resolve) => (wake = resolve));
      pending = 0;
      const [order] = await clients.orders.getMany([id], auth);
      if (order) yield { orderStatusChanged: order };
    }
  } finally {
    stopListening();
  }
}
