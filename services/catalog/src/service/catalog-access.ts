import { access, type AccessTable } from '@shop/hooks';
import type { CatalogOperation } from './catalog-operations.js';

/**
 * Who may call each catalog operation: API.md's "Identity and access" table, row for row. Reading the catalog
 * is public; changing it, and its history, are for admins. The service enforces it as the first before-hook of
 * every use case, and the matrix tests are generated from it.
 */
export const CATALOG_ACCESS: AccessTable<CatalogOperation> = {
  //                          anonymous          customer     admin
  getProduct:        access('yes',             'yes',       'yes'),
  getProducts:       access('yes',             'yes',       'yes'),
  listProducts:      access('yes',             'yes',       'yes'),
  searchProducts:    access('yes',             'yes',       'yes'),
  createProduct:     access('UNAUTHENTICATED', 'FORBIDDEN', 'yes'),
  updateProduct:     access('UNAUTHENTICATED', 'FORBIDDEN', 'yes'),
  deleteProduct:     access('UNAUTHENTICATED', 'FORBIDDEN', 'yes'),
  listHistory:       access('UNAUTHENTICATED', 'FORBIDDEN', 'yes'),
  listHistories:     access('UNAUTHENTICATED', 'FORBIDDEN', 'yes'),
};
