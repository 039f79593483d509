import { aggregatesChangedSince } from '@shop/outbox';
import type { Pool } from '@shop/postgres';
import type { IndexChange } from './elasticsearch/index-change.js';
import { PRODUCT_COLUMNS, toDomain, type ProductRow } from './product-row.js';
import { runOnStore } from './run-on-store.js';

type VersionedRow = ProductRow & { version: string };

const upsertOf = (row: VersionedRow): IndexChange => ({ kind: 'upsert', product: toDomain(row), version: Number(row.version) });

/** Reads the products table as index changes, for building the search index from the source of truth. */
export class ProductPgSnapshot {
  constructor(private readonly pool: Pool) {}

  /** Every product with its version, `batchSize` at a time in id order (keyset, so a large catalog is never one result). */
  async *pages(batchSize: number): AsyncGenerator<IndexChange[]> {
    let lastId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const { rows } = await runOnStore(() =>
        this.pool.query<VersionedRow>({
          name: 'product-snapshot-page',
          text: `SELECT ${PRODUCT_COLUMNS}, version FROM products WHERE id > $1 ORDER BY id LIMIT $2`,
          values: [lastId, batchSize],
        }),
      );
      if (rows.length === 0) return;
      yield rows.map(upsertOf);
      lastId = rows.at(-1)!.id;
    }
  }

  /** The product as stored now, at its version, as an upsert; undefined when it is gone (its removal is an event of its own). */
  async current(id: string): Promise<IndexChange | undefined> {
    const { rows } = await runOnStore(() =>
      this.pool.query<VersionedRow>({ name: 'product-snapshot-one', text: `SELECT ${PRODUCT_COLUMNS}, version FROM products WHERE id = $1`, values: [id] }),
    );
    return rows[0] && upsertOf(rows[0]);
  }

  /**
   * The changes to replay after a snapshot taken from `since` on: each product changed since then as it is now,
   * and each product deleted since then as a removal at its last version.
   */
  async changesSince(since: Date): Promise<IndexChange[]> {
    const changed = await runOnStore(() => aggregatesChangedSince(this.pool, 'product', since));
    if (changed.length === 0) return [];
    const { rows } = await runOnStore(() =>
      this.pool.query<VersionedRow>({
        name: 'product-snapshot-by-ids',
        text: `SELECT ${PRODUCT_COLUMNS}, version FROM products WHERE id = ANY($1::uuid[])`,
        values: [changed.map((entry) => entry.aggregateId)],
      }),
    );
    const current = new Map(rows.map((row) => [row.id, row]));
    return changed.map((entry) => {
      const row = current.get(entry.aggregateId);
      return row ? upsertOf(row) : { kind: 'remove', id: entry.aggregateId, version: entry.version };
    });
  }
}
