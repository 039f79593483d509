import type { MethodNamesOf, RetryTable } from '@shop/grpc-kit';
import type { OrderServiceHandlers } from '@shop/proto/generated/shop/order/v1/OrderService';

/**
 * Which order calls the client retries after UNAVAILABLE: reads, and createOrder when it carries an idempotency
 * key (the service answers a repeat with the first order). cancelOrder is not retried: a repeat after a lost
 * answer would say FAILED_PRECONDITION about a cancel that worked.
 */
export const ORDER_RETRIES: RetryTable<MethodNamesOf<OrderServiceHandlers>> = {
  createOrder: 'keyed-write',
  getOrder: 'read',
  getOrders: 'read',
  listOrders: 'read',
  listOrdersForAccounts: 'read',
  cancelOrder: 'write',
  listHistory: 'read',
  listHistories: 'read',
};
