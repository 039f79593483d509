import { ValidationError } from '@shop/errors';
import type { UseCaseHooks } from '@shop/hooks';
import { actorOf, type Caller } from '@shop/identity';
import { parseId } from '@shop/ids';
import { decodeTimeIdCursor, encodeTimeIdCursor, parsePageSize, parseVersionPage, toPage, type Page, type VersionPageFields, type VersionPageRequest } from '@shop/pagination';
import { requireText } from '@shop/validation';
import { Product, type NewProduct, type ProductChanges } from '../domain/product.js';
import { CatalogErrorCode, ProductNotFoundError } from '../domain/product-errors.js';
import type { ProductHistoryEntry } from '../domain/product-events.js';
import type { ProductRepository } from '../domain/product-repository.js';
import { searchQueryRule, type ProductSearch } from '../domain/product-search.js';
import type { CatalogOperations } from './catalog-operations.js';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor.js';

/** The most ids one batch read may ask for. */
export const MAX_BATCH_IDS = 1_000;

/** The fields a refused history page request names. */
const HISTORY_PAGE_FIELDS: VersionPageFields = {
  pageSize: { field: 'page_size', code: CatalogErrorCode.invalidPageSize },
  afterVersion: { field: 'after_version', code: CatalogErrorCode.invalidAfterVersion },
};

/**
 * The catalog use cases. Each runs inside the service's hooks, the access rule first (reads are public, changes
 * are for admins). Input is validated here or in the domain before anything is written.
 */
export class CatalogService {
  constructor(
    private readonly products: ProductRepository,
    private readonly productSearch: ProductSearch,
    private readonly hooks: UseCaseHooks<CatalogOperations>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  create(caller: Caller, input: NewProduct): Promise<Product> {
    return this.hooks.run('createProduct', caller, input, async (input) => {
      const product = Product.create(input, this.now());
      await this.products.add(product, actorOf(caller));
      return product;
    });
  }

  get(caller: Caller, id: string): Promise<Product> {
    return this.hooks.run('getProduct', caller, { id }, async (input) => {
      const productId = parseId(input.id, 'id', CatalogErrorCode.invalidId);
      const product = await this.products.get(productId);
      if (!product) throw new ProductNotFoundError(productId);
      return product;
    });
  }

  /** Products for the ids, in their order, unknown and deleted ids left out; duplicates are answered once per occurrence. */
  getMany(caller: Caller, ids: readonly string[]): Promise<Product[]> {
    return this.hooks.run('getProducts', caller, { ids }, async (input) => {
      if (input.ids.length > MAX_BATCH_IDS) {
        throw new ValidationError(CatalogErrorCode.invalidId, 'ids', `ids must hold at most ${MAX_BATCH_IDS} ids, got ${input.ids.length}`);
      }
      const parsed = input.ids.map((id, index) => parseId(id, `ids[${index}]`, CatalogErrorCode.invalidId));
      const found = new Map((await this.products.getMany([...new Set(parsed)])).map((product) => [product.id, product]));
      return parsed.flatMap((id) => found.get(id) ?? []);
    });
  }

  /** Newest first. */
  list(caller: Caller, pageSize: number, pageToken: string): Promise<Page<Product>> {
    return this.hooks.run('listProducts', caller, { pageSize, pageToken }, async (input) => {
      const size = parsePageSize(input.pageSize, 'page_size', CatalogErrorCode.invalidPageSize);
      const after = decodeTimeIdCursor(input.pageToken, 'page_token', CatalogErrorCode.invalidPageToken);
      const rows = await this.products.list(size + 1, after);
      return toPage(rows, size, encodeTimeIdCursor);
    });
  }

  /** Best match first, ties newest first; a query without searchable words finds nothing. */
  search(caller: Caller, query: string, pageSize: number, pageToken: string): Promise<Page<Product>> {
    return this.hooks.run('searchProducts', caller, { query, pageSize, pageToken }, async (input) => {
      const text = requireText(input.query, searchQueryRule);
      const size = parsePageSize(input.pageSize, 'page_size', CatalogErrorCode.invalidPageSize);
      const after = decodeSearchCursor(input.pageToken, 'page_token', CatalogErrorCode.invalidPageToken);
      const hits = await this.productSearch.search(text, size + 1, after);
      const page = toPage(hits, size, encodeSearchCursor);
      return { items: page.items.map((hit) => hit.product), nextPageToken: page.nextPageToken };
    });
  }

  update(caller: Caller, id: string, changes: ProductChanges): Promise<Product> {
    return this.hooks.run('updateProduct', caller, { id, changes }, async (input) => {
      const productId = parseId(input.id, 'id', CatalogErrorCode.invalidId);
      return this.products.update(productId, (product) => product.update(input.changes, this.now()), actorOf(caller));
    });
  }

  /** A page of the product's changes, oldest first, also after deletion; empty for an id that never existed. */
  history(caller: Caller, id: string, page: VersionPageRequest = {}): Promise<ProductHistoryEntry[]> {
    return this.hooks.run('listHistory', caller, { id, ...page }, async (input) => {
      const productId = parseId(input.id, 'id', CatalogErrorCode.invalidId);
      return this.products.history(productId, parseVersionPage(input, HISTORY_PAGE_FIELDS));
    });
  }

  /** history() of many products in one read: the same page of each, in the order of `ids`. */
  histories(caller: Caller, ids: readonly string[], page: VersionPageRequest = {}): Promise<ProductHistoryEntry[][]> {
    return this.hooks.run('listHistories', caller, { ids, ...page }, async (input) => {
      if (input.ids.length > MAX_BATCH_IDS) {
        throw new ValidationError(CatalogErrorCode.invalidId, 'ids', `ids must hold at most ${MAX_BATCH_IDS} ids, got ${input.ids.length}`);
      }
      const parsed = input.ids.map((id, index) => parseId(id, `ids[${index}]`, CatalogErrorCode.invalidId));
      const range = parseVersionPage(input, HISTORY_PAGE_FIELDS);
      const unique = [...new Set(parsed)];
      const pages = await this.products.histories(unique, range);
      const byId = new Map(unique.map((id, index) => [id, pages[index]!]));
      return parsed.map((id) => byId.get(id)!);
    });
  }

  /** Removes the product for good; its id answers NOT_FOUND afterwards, its history stays. */
  delete(caller: Caller, id: string): Promise<void> {
    return this.hooks.run('deleteProduct', caller, { id }, async (input) => {
      const productId = parseId(input.id, 'id', CatalogErrorCode.invalidId);
      if (!(await this.products.delete(productId, actorOf(caller)))) throw new ProductNotFoundError(productId);
    });
  }
}
