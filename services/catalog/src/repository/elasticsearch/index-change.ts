import type { Product } from '../../domain/product.js';

/**
 * One change to the search index, with the product's version (its aggregate version in the outbox). Written with
 * external versioning: Elasticsearch keeps a document only if its version is newer than the one it has, so a
 * replayed or late change can never overwrite a newer one, and writing the same change twice is harmless.
 */
export type IndexChange = { kind: 'upsert'; product: Product; version: number } | { kind: 'remove'; id: string; version: number };
