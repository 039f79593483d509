import type { MethodNamesOf, RetryTable } from '@shop/grpc-kit';
import type { CatalogServiceHandlers } from '@shop/proto/generated/shop/catalog/v1/CatalogService';

/**
 * Which catalog calls the client retries after UNAVAILABLE: the reads. No write carries a key the service could
 * deduplicate by, so createProduct, updateProduct and deleteProduct are never sent twice (a repeat after a lost
 * answer could make a second product or report a false NOT_FOUND).
 */
export const CATALOG_RETRIES: RetryTable<MethodNamesOf<CatalogServiceHandlers>> = {
  createProduct: 'write',
  getProduct: 'read',
  getProducts: 'read',
  listProducts: 'read',
  searchProducts: 'read',
  updateProduct: 'write',
  deleteProduct: 'write',
  listHistory: 'read',
  listHistories: 'read',
};
