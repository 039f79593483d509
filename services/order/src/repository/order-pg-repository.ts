import { FIRST_HISTORY_PAGE, type HistoryRange } from '@shop/events';
import { appendToOutbox, readHistories, readHistory } from '@shop/outbox';
import { mapConnectionErrors, withTransaction, type Pool, type Tx } from '@shop/postgres';
import type { IdempotencyClaim, IdempotencyRecord } from '../domain/idempotency.js';
import type { Order } from '../domain/order.js';
import { OrderNotFoundError, OrderStoreUnavailableError } from '../domain/order-errors.js';
import { statusEvent, type OrderEvent, type OrderEventCodec, type OrderHistoryEntry } from '../domain/order-events.js';
import type { AccountOrdersQuery, Actor, OrderRepository } from '../domain/order-repository.js';
import { claimIdempotencyKey, findIdempotencyRecord, pruneIdempotencyRecords } from './idempotency-pg-records.js';
import { ORDER_COLUMNS, ORDER_ITEM_COLUMNS, toDomain, toRows, type OrderItemRow, type OrderRow } from './order-row.js';

type Queryable = Pool | Tx;

/** OrderRepository on the service's own Postgres database. */
export class OrderPgRepository implements OrderRepository {
  constructor(
    private readonly pool: Pool,
    private readonly events: OrderEventCodec,
  ) {}

  add(order: Order, actor: Actor, claim?: IdempotencyClaim): Promise<void> {
    const rows = toRows(order);
    return this.run(() =>
      withTransaction(this.pool, async (tx) => {
        const o = rows.order;
        if (claim) await claimIdempotencyKey(tx, o.account_id, claim, o.id, o.created_at);
        await tx.query(`INSERT INTO orders (${ORDER_COLUMNS}, version) VALUES ($1, $2, $3, $4, $5, 1)`, [o.id, o.account_id, o.status, o.created_at, o.updated_at]);
        await tx.query(
          `INSERT INTO order_items (${ORDER_ITEM_COLUMNS})
           SELECT $1, * FROM unnest($2::int[], $3::uuid[], $4::text[], $5::bigint[], $6::text[], $7::int[])`,
          [
            o.id,
            rows.items.map((item) => item.position),
            rows.items.map((item) => item.product_id),
            rows.items.map((item) => item.product_name),
            rows.items.map((item) => item.unit_price_minor),
            rows.items.map((item) => item.currency_code),
            rows.items.map((item) => item.quantity),
          ],
        );
        await this.record(tx, [{ kind: 'created', order }], 1, order.createdAt, actor);
      }),
    );
  }

  findIdempotencyRecord(accountId: string, key: string, liveSince: Date): Promise<IdempotencyRecord | undefined> {
    return this.run(() => findIdempotencyRecord(this.pool, accountId, key, liveSince));
  }

  pruneIdempotencyRecords(before: Date): Promise<number> {
    return this.run(() => pruneIdempotencyRecords(this.pool, before));
  }

  async get(id: string): Promise<Order | undefined> {
    return (await this.getMany([id]))[0];
  }

  getMany(ids: readonly string[]): Promise<Order[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.run(async () => {
      const { rows } = await this.pool.query<OrderRow>({ name: 'order-get-many', text: `SELECT ${ORDER_COLUMNS} FROM orders WHERE id = ANY($1::uuid[])`, values: [ids] });
      const orders = new Map((await this.withItems(this.pool, rows)).map((order) => [order.id, order]));
      return ids.flatMap((id) => orders.get(id) ?? []);
    });
  }

  listByAccounts(queries: readonly AccountOrdersQuery[]): Promise<Order[][]> {
    if (queries.length === 0) return Promise.resolve([]);
    return this.run(async () => {
      // One query for every account: each (account, limit, cursor) picks its own newest-first page.
      const { rows } = await this.pool.query<OrderRow & { query_index: number }>({
        name: 'order-list-by-accounts',
        text: `SELECT q.query_index, o.id, o.account_id, o.status, o.created_at, o.updated_at
               FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::uuid[]) WITH ORDINALITY AS q(account_id, lim, after_time, after_id, query_index)
               CROSS JOIN LATERAL (
                 SELECT * FROM orders
                 WHERE account_id = q.account_id AND (q.after_time IS NULL OR (created_at, id) < (q.after_time, q.after_id))
                 ORDER BY created_at DESC, id DESC
                 LIMIT q.lim
               ) o
               ORDER BY q.query_index, o.created_at DESC, o.id DESC`,
        values: [
          queries.map((query) => query.accountId),
          queries.map((query) => query.limit),
          queries.map((query) => query.after?.createdAt ?? null),
          queries.map((query) => query.after?.id ?? null),
        ],
      });
      const orders = await this.withItems(this.pool, rows);
      const pages: Order[][] = queries.map(() => []);
      rows.forEach((row, index) => pages[Number(row.query_index) - 1]!.push(orders[index]!));
      return pages;
    });
  }

  update(id: string, change: (order: Order) => Order, actor: Actor): Promise<Order> {
    return this.run(() => withTransaction(this.pool, (tx) => this.updateIn(tx, id, change, actor)));
  }

  /** update() inside a transaction someone else owns (an event handler's, whose inbox row commits with it). */
  async updateIn(tx: Tx, id: string, change: (order: Order) => Order, actor: Actor): Promise<Order> {
    const { rows } = await tx.query<OrderRow & { version: string }>(`SELECT ${ORDER_COLUMNS}, version FROM orders WHERE id = $1 FOR UPDATE`, [id]);
    const [current] = await this.withItems(tx, rows);
    if (!current) throw new OrderNotFoundError(id);
    const changed = change(current);
    const event = statusEvent(current, changed);
    const version = Number(rows[0]!.version) + (event ? 1 : 0);
    const row = toRows(changed).order;
    await tx.query('UPDATE orders SET status = $2, updated_at = $3, version = $4 WHERE id = $1', [row.id, row.status, row.updated_at, version]);
    if (event) await this.record(tx, [event], version, changed.updatedAt, actor);
    return changed;
  }

  history(id: string, range: HistoryRange = FIRST_HISTORY_PAGE): Promise<OrderHistoryEntry[]> {
    return this.run(async () => (await readHistory(this.pool, id, 'order', range)).map(this.events.toHistoryEntry));
  }

  histories(ids: readonly string[], range: HistoryRange): Promise<OrderHistoryEntry[][]> {
    return this.run(async () => (await readHistories(this.pool, ids, 'order', range)).map((page) => page.map(this.events.toHistoryEntry)));
  }

  private record(tx: Tx, events: OrderEvent[], firstVersion: number, occurredAt: Date, actor: Actor): Promise<void> {
    return appendToOutbox(tx, this.events.toEnvelopes(events, firstVersion, occurredAt, actor));
  }

  /** Loads the lines of the orders in one query and builds the domain orders, in the order of `rows`. */
  private async withItems(db: Queryable, rows: readonly OrderRow[]): Promise<Order[]> {
    if (rows.length === 0) return [];
    const { rows: items } = await db.query<OrderItemRow>({
      name: 'order-items-of',
      text: `SELECT ${ORDER_ITEM_COLUMNS} FROM order_items WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, position`,
      values: [[...new Set(rows.map((row) => row.id))]],
    });
    const byOrder = new Map<string, OrderItemRow[]>();
    for (const item of items) byOrder.set(item.order_id, [...(byOrder.get(item.order_id) ?? []), item]);
    return rows.map((row) => toDomain(row, byOrder.get(row.id) ?? []));
  }

  /** Maps a lost or refused connection to the domain's UNAVAILABLE error; everything else passes through. */
  private run<T>(work: () => Promise<T>): Promise<T> {
    return mapConnectionErrors(work, () => new OrderStoreUnavailableError());
  }
}
