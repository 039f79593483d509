import type { Actor, HistoryRange } from '@shop/events';
import type { TimeIdKey } from '@shop/pagination';
import type { IdempotencyClaim, IdempotencyRecord } from './idempotency.js';
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
  /**
   * Stores the order and its lines together, and with `claim` the record of its idempotency key (unique per
   * account) in the same transaction. When a live record already holds the key (a concurrent request with it
   * committed first), stores nothing and throws IdempotencyKeyTakenError.
   */
  add(order: Order, actor: Actor, claim?: IdempotencyClaim): Promise<void>;
  /** The record of the account's key, unless older than `liveSince`. */
  findIdempotencyRecord(accountId: string, key: string, liveSince: Date): Promise<IdempotencyRecord | undefined>;
  /** Deletes key records older than `before` (they no longer count); returns how many. */
  pruneIdempotencyRecords(before: Date): Promise<number>;
  get(id: string): Promise<Order | undefined>;
  /** The orders with these ids, in the order asked for; unknown ids are left out. */
  getMany(ids: readonly string[]): Promise<Order[]>;
  /** For each query, up to `limit` orders of the account, newest first, after `after` when given; results in query order. */
  listByAccounts(queries: readonly AccountOrdersQuery[]): Promise<Order[][]>;
  /** Loads the order, applies `change` and stores the result in one transaction; OrderNotFoundError when missing. */
  update(id: string, change: (order: Order) => Order, actor: Actor): Promise<Order>;
  /** A page of the order's recorded changes, oldest first (the first 50 without `range`); empty when it never existed. */
  history(id: string, range?: HistoryRange): Promise<OrderHistoryEntry[]>;
  /** The same page of the history of each id, in the order of `ids`, in one read. */
  histories(ids: readonly string[], range: HistoryRange): Promise<OrderHistoryEntry[][]>;
}
