import type { Actor, HistoryRange } from '@shop/events';
import type { Product } from './product.js';
import type { ProductHistoryEntry } from './product-events.js';

/** Where a keyset page starts: after the product with this creation time and id (newest first). */
export interface ProductCursor {
  createdAt: Date;
  id: string;
}

/** Who a change is recorded as made by (re-exported for the repositories). */
export type { Actor };

/**
 * The storage port of products. Implementations: Postgres, and in-memory for unit tests; one contract
 * suite runs against both. Deletion removes the product for good; its history stays. Every change records its
 * event (created, updated with the changed fields, deleted) and its actor in the same transaction.
 */
export interface ProductRepository {
  add(product: Product, actor: Actor): Promise<void>;
  get(id: string): Promise<Product | undefined>;
  /** The products with these ids, in the order asked for; unknown ids are left out. */
  getMany(ids: readonly string[]): Promise<Product[]>;
  /** Up to `limit` products, newest first, after `after` when given. */
  list(limit: number, after?: ProductCursor): Promise<Product[]>;
  /**
   * Loads the product, applies `change` and stores the result in one transaction (the row is locked meanwhile).
   * Throws ProductNotFoundError when there is no such product.
   */
  update(id: string, change: (product: Product) => Product, actor: Actor): Promise<Product>;
  /** Removes the product; false when there was none. */
  delete(id: string, actor: Actor): Promise<boolean>;
  /** A page of the product's recorded changes, oldest first (the first 50 without `range`); empty when it never existed. */
  history(id: string, range?: HistoryRange): Promise<ProductHistoryEntry[]>;
  /** The same page of the history of each id, in the order of `ids`, in one read. */
  histories(ids: readonly string[], range: HistoryRange): Promise<ProductHistoryEntry[][]>;
}
