import { NotFoundError, UnavailableError } from '@shop/errors';

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
  productNotFound: 'CATALOG.PRODUCT_NOT_FOUND',
  storeUnavailable: 'CATALOG.STORE_UNAVAILABLE',
  searchUnavailable: 'CATALOG.SEARCH_UNAVAILABLE',
} as const;

/** No product has the id (never had, or it was deleted). */
export class ProductNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(CatalogErrorCode.productNotFound, `product ${id} not found`);
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
