import type { Actor } from '@shop/events';
import type { TimeIdKey } from '@shop/pagination';
import type { Order } from './order.js';
import type { OrderHistoryEntry } from './order-events.js';

/** One account's page of orders, asked for in a batch. */
export interface AccountOrdersQuery {
  accountId: string;
  limit: number;
  after?: TimeIdKey | undefined;
}

/** Who a change is recorded as made by (re-exported for the repositories). */
export type { Actor };

/**
 * The storage port of orders. Implementations: Postgres, and in-memory for unit tests; one contract suite runs
 * against both. Placing an order and every status change record their event in the same transaction.
 */
export interface OrderRepository {
  /** Stores the order and its lines together. */
  add(order: Order, actor: Actor): Promise<void>;
  get(id: string): Promise<Order | undefined>;
  /** The orders with these ids, in the order asked for; unknown ids are left out. */
  getMany(ids: readonly string[]): Promise<Order[]>;
  /** For each query, up to `limit` orders of the account, newest first, after `after` when given; results in query order. */
  listByAccounts(queries: readonly AccountOrdersQuery[]): Promise<Order[][]>;
  /** Loads the order, applies `change` and stores the result in one transaction; OrderNotFoundError when missing. */
  update(id: string, change: (order: Order) => Order, actor: Actor): Promise<Order>;
  /** Every recorded change of the order, oldest first; empty when it never existed. */
  history(id: string): Promise<OrderHistoryEntry[]>;
}
