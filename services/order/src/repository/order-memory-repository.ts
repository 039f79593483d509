import { FIRST_HISTORY_PAGE, historyInRange, MemoryOutbox, type HistoryRange } from '@shop/events';
import { newestFirst } from '@shop/pagination';
import type { IdempotencyClaim, IdempotencyRecord } from '../domain/idempotency.js';
import type { Order } from '../domain/order.js';
import { IdempotencyKeyTakenError, OrderNotFoundError } from '../domain/order-errors.js';
import { statusEvent, type OrderEvent, type OrderEventCodec, type OrderHistoryEntry } from '../domain/order-events.js';
import type { AccountOrdersQuery, Actor, OrderRepository } from '../domain/order-repository.js';

/** OrderRepository in memory: for unit tests of the service, held to the same contract suite as Postgres. */
export class OrderMemoryRepository implements OrderRepository {
  private readonly orders = new Map<string, Order>();
  private readonly versions = new Map<string, number>();
  private readonly outbox: MemoryOutbox<OrderEvent>;
  /** Idempotency records by account and key. */
  private readonly keys = new Map<string, IdempotencyRecord & { createdAt: Date }>();

  constructor(events: OrderEventCodec) {
    this.outbox = new MemoryOutbox(events);
  }

  async add(order: Order, actor: Actor, claim?: IdempotencyClaim): Promise<void> {
    if (claim) {
      const slot = keySlot(order.accountId, claim.key);
      const held = this.keys.get(slot);
      if (held && held.createdAt >= claim.liveSince) throw new IdempotencyKeyTakenError(claim.key);
      this.keys.set(slot, { fingerprint: claim.fingerprint, orderId: order.id, createdAt: order.createdAt });
    }
    this.orders.set(order.id, order);
    this.versions.set(order.id, 1);
    this.outbox.record([{ kind: 'created', order }], 1, order.createdAt, actor);
  }

  async findIdempotencyRecord(accountId: string, key: string, liveSince: Date): Promise<IdempotencyRecord | undefined> {
    const record = this.keys.get(keySlot(accountId, key));
    return record && record.createdAt >= liveSince ? { fingerprint: record.fingerprint, orderId: record.orderId } : undefined;
  }

  async pruneIdempotencyRecords(before: Date): Promise<number> {
    const old = [...this.keys].filter(([, record]) => record.createdAt < before);
    for (const [slot] of old) this.keys.delete(slot);
    return old.length;
  }

  async get(id: string): Promise<Order | undefined> {
    return this.orders.get(id);
  }

  async getMany(ids: readonly string[]): Promise<Order[]> {
    return ids.flatMap((id) => this.orders.get(id) ?? []);
  }

  async listByAccounts(queries: readonly AccountOrdersQuery[]): Promise<Order[][]> {
    const all = [...this.orders.values()].sort(newestFirst);
    return queries.map((query) =>
      all
        .filter((order) => order.accountId === query.accountId && (!query.after || newestFirst(order, query.after) > 0))
        .slice(0, query.limit),
    );
  }

  async update(id: string, change: (order: Order) => Order, actor: Actor): Promise<Order> {
    const current = this.orders.get(id);
    if (!current) throw new OrderNotFoundError(id);
    const changed = change(current);
    const event = statusEvent(current, changed);
    const version = (this.versions.get(id) ?? 0) + (event ? 1 : 0);
    this.orders.set(id, changed);
    this.versions.set(id, version);
    if (event) this.outbox.record([event], version, changed.updatedAt, actor);
    return changed;
  }

  async history(id: string, range: HistoryRange = FIRST_HISTORY_PAGE): Promise<OrderHistoryEntry[]> {
    return historyInRange(this.outbox.history(id), range);
  }

  async histories(ids: readonly string[], range: HistoryRange): Promise<OrderHistoryEntry[][]> {
    return ids.map((id) => historyInRange(this.outbox.history(id), range));
  }
}

function keySlot(accountId: string, key: string): string {
  return JSON.stringify([accountId, key]);
}
