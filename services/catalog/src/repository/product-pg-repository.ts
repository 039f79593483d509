import { FIRST_HISTORY_PAGE, type HistoryRange } from '@shop/events';
import { appendToOutbox, readHistories, readHistory } from '@shop/outbox';
import { withTransaction, type Pool, type Tx } from '@shop/postgres';
import type { Versioned } from '@shop/read-cache';
import type { Product } from '../domain/product.js';
import { ProductNotFoundError } from '../domain/product-errors.js';
import { changedFields, type ProductEvent, type ProductEventCodec, type ProductHistoryEntry } from '../domain/product-events.js';
import type { Actor, ProductCursor, ProductRepository } from '../domain/product-repository.js';
import { runOnStore } from './run-on-store.js';
import { PRODUCT_COLUMNS, toDomain, toRow, type ProductRow } from './product-row.js';

/** ProductRepository on the service's own Postgres database; every change writes its event to the outbox in the same transaction. */
export class ProductPgRepository implements ProductRepository {
  constructor(
    private readonly pool: Pool,
    private readonly events: ProductEventCodec,
  ) {}

  add(product: Product, actor: Actor): Promise<void> {
    const row = toRow(product);
    return runOnStore(() =>
      withTransaction(this.pool, async (tx) => {
        await tx.query(`INSERT INTO products (${PRODUCT_COLUMNS}, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1)`, [
          row.id,
          row.name,
          row.description,
          row.price_minor,
          row.currency_code,
          row.stock,
          row.created_at,
          row.updated_at,
        ]);
        await this.record(tx, [{ kind: 'created', product }], 1, product.createdAt, actor);
      }),
    );
  }

  get(id: string): Promise<Product | undefined> {
    return runOnStore(async () => {
      const { rows } = await this.pool.query<ProductRow>({ name: 'product-get', text: `SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = $1`, values: [id] });
      return rows[0] && toDomain(rows[0]);
    });
  }

  async getMany(ids: readonly string[]): Promise<Product[]> {
    return (await this.getManyVersioned(ids)).map((found) => found.value);
  }

  /** getMany with each product's row version, for the cache in front of this repository (its version check). */
  getManyVersioned(ids: readonly string[]): Promise<Versioned<Product>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return runOnStore(async () => {
      const { rows } = await this.pool.query<ProductRow & { version: string }>({
        name: 'product-get-many',
        text: `SELECT ${PRODUCT_COLUMNS}, version FROM products WHERE id = ANY($1::uuid[])`,
        values: [ids],
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [{ value: toDomain(row), version: Number(row.version) }] : [];
      });
    });
  }

  list(limit: number, after?: ProductCursor): Promise<Product[]> {
    return runOnStore(async () => {
      const { rows } = after
        ? await this.pool.query<ProductRow>({
            name: 'product-list-after',
            text: `SELECT ${PRODUCT_COLUMNS} FROM products WHERE (created_at, id) < ($1, $2) ORDER BY created_at DESC, id DESC LIMIT $3`,
            values: [after.createdAt, after.id, limit],
          })
        : await this.pool.query<ProductRow>({
            name: 'product-list',
            text: `SELECT ${PRODUCT_COLUMNS} FROM products ORDER BY created_at DESC, id DESC LIMIT $1`,
            values: [limit],
          });
      return rows.map(toDomain);
    });
  }

  update(id: string, change: (product: Product) => Product, actor: Actor): Promise<Product> {
    return runOnStore(() =>
      withTransaction(this.pool, async (tx) => {
        const { rows } = await tx.query<ProductRow & { version: string }>(`SELECT ${PRODUCT_COLUMNS}, version FROM products WHERE id = $1 FOR UPDATE`, [id]);
        if (!rows[0]) throw new ProductNotFoundError(id);
        const current = toDomain(rows[0]);
        const changed = change(current);
        const fields = changedFields(current, changed);
        const version = Number(rows[0].version) + (fields.length > 0 ? 1 : 0);
        const row = toRow(changed);
        await tx.query(
          'UPDATE products SET name = $2, description = $3, price_minor = $4, currency_code = $5, stock = $6, updated_at = $7, version = $8 WHERE id = $1',
          [row.id, row.name, row.description, row.price_minor, row.currency_code, row.stock, row.updated_at, version],
        );
        if (fields.length > 0) await this.record(tx, [{ kind: 'updated', product: changed, changedFields: fields }], version, changed.updatedAt, actor);
        return changed;
      }),
    );
  }

  delete(id: string, actor: Actor): Promise<boolean> {
    return runOnStore(() =>
      withTransaction(this.pool, async (tx) => {
        const { rows } = await tx.query<{ version: string }>('DELETE FROM products WHERE id = $1 RETURNING version', [id]);
        if (!rows[0]) return false;
        await this.record(tx, [{ kind: 'deleted', productId: id }], Number(rows[0].version) + 1, new Date(), actor);
        return true;
      }),
    );
  }

  history(id: string, range: HistoryRange = FIRST_HISTORY_PAGE): Promise<ProductHistoryEntry[]> {
    return runOnStore(async () => (await readHistory(this.pool, id, 'product', range)).map(this.events.toHistoryEntry));
  }

  histories(ids: readonly string[], range: HistoryRange): Promise<ProductHistoryEntry[][]> {
    return runOnStore(async () => (await readHistories(this.pool, ids, 'product', range)).map((page) => page.map(this.events.toHistoryEntry)));
  }

  private record(tx: Tx, events: ProductEvent[], firstVersion: number, occurredAt: Date, actor: Actor): Promise<void> {
    return appendToOutbox(tx, this.events.toEnvelopes(events, firstVersion, occurredAt, actor));
  }
}
