import { MemoryOutbox } from '@shop/events';
import { newestFirst } from '@shop/pagination';
import type { Order } from '../domain/order.js';
import { OrderNotFoundError } from '../domain/order-errors.js';
import { statusEvent, type OrderEvent, type OrderEventCodec, type OrderHistoryEntry } from '../domain/order-events.js';
import type { AccountOrdersQuery, Actor, OrderRepository } from '../domain/order-repository.js';

/** OrderRepository in memory: for unit tests of the service, held to the same contract suite as Postgres. */
export class OrderMemoryRepository implements OrderRepository {
  private readonly orders = new Map<string, Order>();
  private readonly versions = new Map<string, number>();
  private readonly outbox: MemoryOutbox<OrderEvent>;

  constructor(events: OrderEventCodec) {
    this.outbox = new MemoryOutbox(events);
  }

  async add(order: Order, actor: Actor): Promise<void> {
    this.orders.set(order.id, order);
    this.versions.set(order.id, 1);
    this.outbox.record([{ kind: 'created', order }], 1, order.createdAt, actor);
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

  async history(id: string): Promise<OrderHistoryEntry[]> {
    return this.outbox.history(id);
  }
}
