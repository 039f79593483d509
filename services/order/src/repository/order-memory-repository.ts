import { newestFirst } from '@shop/pagination';
import type { Order } from '../domain/order.js';
import { OrderNotFoundError } from '../domain/order-errors.js';
import type { AccountOrdersQuery, OrderRepository } from '../domain/order-repository.js';

/** OrderRepository in memory: for unit tests of the service, held to the same contract suite as Postgres. */
export class OrderMemoryRepository implements OrderRepository {
  private readonly orders = new Map<string, Order>();

  async add(order: Order): Promise<void> {
    this.orders.set(order.id, order);
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

  async update(id: string, change: (order: Order) => Order): Promise<Order> {
    const current = this.orders.get(id);
    if (!current) throw new OrderNotFoundError(id);
    const changed = change(current);
    this.orders.set(id, changed);
    return changed;
  }
}
