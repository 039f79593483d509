import type { Page, VersionPageRequest } from '@shop/pagination';
import type { NewProduct, Product, ProductChanges } from '../domain/product.js';
import type { ProductHistoryEntry } from '../domain/product-events.js';

/**
 * Every operation of the catalog service with its input and result: what the access table, the hooks and the
 * matrix test are keyed by. Names are the gRPC methods', in camelCase.
 */
export type CatalogOperations = {
  createProduct: { input: NewProduct; output: Product };
  getProduct: { input: { id: string }; output: Product };
  getProducts: { input: { ids: readonly string[] }; output: Product[] };
  listProducts: { input: { pageSize: number; pageToken: string }; output: Page<Product> };
  searchProducts: { input: { query: string; pageSize: number; pageToken: string }; output: Page<Product> };
  updateProduct: { input: { id: string; changes: ProductChanges }; output: Product };
  deleteProduct: { input: { id: string }; output: void };
  listHistory: { input: { id: string } & VersionPageRequest; output: ProductHistoryEntry[] };
  listHistories: { input: { ids: readonly string[] } & VersionPageRequest; output: ProductHistoryEntry[][] };
};

/** The name of one catalog operation. */
export type CatalogOperation = keyof CatalogOperations;
