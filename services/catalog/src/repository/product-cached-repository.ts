import { CachedRepository, VersionedCache, type CacheBounds } from '@shop/read-cache';
import type { Product } from '../domain/product.js';
import type { ProductHistoryEntry } from '../domain/product-events.js';
import type { Actor, ProductCursor, ProductRepository } from '../domain/product-repository.js';
import type { ProductPgRepository } from './product-pg-repository.js';

/** A product's size in memory, roughly: its strings (two bytes a character) and a fixed part for the rest. */
export function productBytes(product: Product): number {
  return 2 * (product.id.length + product.name.length + product.description.length) + 400;
}

/** The cache of decoded products the catalog keeps (PRODUCT_CACHE_MAX_ENTRIES, PRODUCT_CACHE_MAX_BYTES). */
export function productCache(bounds: CacheBounds): VersionedCache<Product> {
  return new VersionedCache<Product>(bounds, productBytes);
}

/** ProductRepository on Postgres with the product cache in front of get and getMany. */
export function cachedProductRepository(store: ProductPgRepository, cache: VersionedCache<Product>): ProductRepository {
  return new CachedRepository<Product, ProductCursor, ProductHistoryEntry, Actor>(store, cache);
}
