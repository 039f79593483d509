import { withTransaction, type Pool } from '@shop/postgres';
import type { Product } from '../domain/product.js';
import { ProductNotFoundError } from '../domain/product-errors.js';
import type { ProductCursor, ProductRepository } from '../domain/product-repository.js';
import { runOnStore } from './run-on-store.js';
import { PRODUCT_COLUMNS, toDomain, toRow, type ProductRow } from './product-row.js';

/** ProductRepository on the service's own Postgres database. */
export class ProductPgRepository implements ProductRepository {
  constructor(private readonly pool: Pool) {}

  add(product: Product): Promise<void> {
    const row = toRow(product);
    return runOnStore(async () => {
      await this.pool.query(`INSERT INTO products (${PRODUCT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        row.id,
        row.name,
        row.description,
        row.price_minor,
        row.currency_code,
        row.stock,
        row.created_at,
        row.updated_at,
      ]);
    });
  }

  get(id: string): Promise<Product | undefined> {
    return runOnStore(async () => {
      const { rows } = await this.pool.query<ProductRow>({ name: 'product-get', text: `SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = $1`, values: [id] });
      return rows[0] && toDomain(rows[0]);
    });
  }

  getMany(ids: readonly string[]): Promise<Product[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return runOnStore(async () => {
      const { rows } = await this.pool.query<ProductRow>({
        name: 'product-get-many',
        text: `SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = ANY($1::uuid[])`,
        values: [ids],
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toDomain(row)] : [];
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

  update(id: string, change: (product: Product) => Product): Promise<Product> {
    return runOnStore(() =>
      withTransaction(this.pool, async (tx) => {
        const { rows } = await tx.query<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = $1 FOR UPDATE`, [id]);
        if (!rows[0]) throw new ProductNotFoundError(id);
        const changed = change(toDomain(rows[0]));
        const row = toRow(changed);
        await tx.query(
          'UPDATE products SET name = $2, description = $3, price_minor = $4, currency_code = $5, stock = $6, updated_at = $7 WHERE id = $1',
          [row.id, row.name, row.description, row.price_minor, row.currency_code, row.stock, row.updated_at],
        );
        return changed;
      }),
    );
  }

  delete(id: string): Promise<boolean> {
    return runOnStore(async () => {
      const { rowCount } = await this.pool.query('DELETE FROM products WHERE id = $1', [id]);
      return rowCount === 1;
    });
  }
}
