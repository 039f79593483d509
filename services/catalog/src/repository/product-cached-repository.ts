import type { HistoryRange } from '@shop/events';
import type { VersionedCache } from '@shop/read-cache';
import type { Product } from '../domain/product.js';
import type { ProductHistoryEntry } from '../domain/product-events.js';
import type { Actor, ProductCursor, ProductRepository } from '../domain/product-repository.js';
import type { VersionedProduct } from './product-pg-repository.js';

/** What the cache needs of the repository behind it: the whole port, and reads that say each row's version. */
export type VersionedProductRepository = ProductRepository & { getManyVersioned(ids: readonly string[]): Promise<VersionedProduct[]> };

/** A product's size in memory, roughly: its strings (two bytes a character) and a fixed part for the rest. */
export function productBytes(product: Product): number {
  return 2 * (product.id.length + product.name.length + product.description.length) + 400;
}

/**
 * ProductRepository with a read-through cache of decoded products in front of get and getMany: a hit costs a map
 * lookup. This process's own changes forget the product once committed; other replicas' changes arrive as events
 * (startInvalidationFeed). Lists, history and writes go straight to the repository behind.
 */
export class ProductCachedRepository implements ProductRepository {
  constructor(
    private readonly store: VersionedProductRepository,
    private readonly cache: VersionedCache<Product>,
  ) {}

  async get(id: string): Promise<Product | undefined> {
    return (await this.getMany([id]))[0];
  }

  async getMany(ids: readonly string[]): Promise<Product[]> {
    const found = new Map<string, Product>();
    const missing = new Set<string>();
    for (const id of ids) {
      const cached = this.cache.get(id);
      if (cached) found.set(id, cached);
      else missing.add(id);
    }
    if (missing.size > 0) {
      const ticket = this.cache.ticket();
      for (const { product, version } of await this.store.getManyVersioned([...missing])) {
        this.cache.fill(product.id, product, version, ticket);
        found.set(product.id, product);
      }
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  list(limit: number, after?: ProductCursor): Promise<Product[]> {
    return this.store.list(limit, after);
  }

  async add(product: Product, actor: Actor): Promise<void> {
    await this.store.add(product, actor);
    this.cache.invalidate(product.id);
  }

  async update(id: string, change: (product: Product) => Product, actor: Actor): Promise<Product> {
    try {
      return await this.store.update(id, change, actor);
    } finally {
      this.cache.invalidate(id);
    }
  }

  async delete(id: string, actor: Actor): Promise<boolean> {
    try {
      return await this.store.delete(id, actor);
    } finally {
      this.cache.invalidate(id);
    }
  }

  history(id: string, range?: HistoryRange): Promise<ProductHistoryEntry[]> {
    return this.store.history(id, range);
  }

  histories(ids: readonly string[], range: HistoryRange): Promise<ProductHistoryEntry[][]> {
    return this.store.histories(ids, range);
  }
}
