import { ConflictError, NotFoundError, UnavailableError } from '@shop/errors';

/** Stable codes of the catalog domain; clients may switch on them. */
export const CatalogErrorCode = {
  invalidId: 'CATALOG.INVALID_ID',
  invalidName: 'CATALOG.INVALID_NAME',
  invalidDescription: 'CATALOG.INVALID_DESCRIPTION',
  invalidPrice: 'CATALOG.INVALID_PRICE',
  invalidCurrency: 'CATALOG.INVALID_CURRENCY',
  invalidStock: 'CATALOG.INVALID_STOCK',
  invalidQuery: 'CATALOG.INVALID_QUERY',
  invalidPageSize: 'CATALOG.INVALID_PAGE_SIZE',
  invalidPageToken: 'CATALOG.INVALID_PAGE_TOKEN',
  invalidAfterVersion: 'CATALOG.INVALID_AFTER_VERSION',
  productNotFound: 'CATALOG.PRODUCT_NOT_FOUND',
  stockChanged: 'CATALOG.STOCK_CHANGED',
  storeUnavailable: 'CATALOG.STORE_UNAVAILABLE',
  searchUnavailable: 'CATALOG.SEARCH_UNAVAILABLE',
} as const;

/** No product has the id (never had, or it was deleted). */
export class ProductNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(CatalogErrorCode.productNotFound, `product ${id} not found`);
  }
}

/**
 * A stock change was based on a stock level that is no longer current: an order reserved (or a cancellation
 * released) stock since the admin read it. Applying it would erase that reservation, so nothing is written; read
 * the product again and decide on the new figure.
 */
export class StockChangedError extends ConflictError {
  constructor(id: string, expected: number, actual: number) {
    super(CatalogErrorCode.stockChanged, `the stock of product ${id} is ${actual} now, not ${expected}: it changed since it was read`, 'stock');
  }
}

/** The catalog store cannot be reached; the call may succeed later. */
export class CatalogStoreUnavailableError extends UnavailableError {
  constructor() {
    super(CatalogErrorCode.storeUnavailable, 'the catalog database is unavailable');
  }
}

/** The search engine (Elasticsearch) cannot be reached or its index is not there yet; search may fall back, writes retry. */
export class SearchUnavailableError extends UnavailableError {
  constructor(reason: string) {
    super(CatalogErrorCode.searchUnavailable, `the search index is unavailable: ${reason}`);
  }
}
