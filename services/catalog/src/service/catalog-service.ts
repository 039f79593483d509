import { ValidationError } from '@shop/errors';
import { parseId } from '@shop/ids';
import { decodeTimeIdCursor, encodeTimeIdCursor, parsePageSize, toPage, type Page } from '@shop/pagination';
import { requireText } from '@shop/validation';
import { Product, type NewProduct, type ProductChanges } from '../domain/product.js';
import { CatalogErrorCode, ProductNotFoundError } from '../domain/product-errors.js';
import type { ProductHistoryEntry } from '../domain/product-events.js';
import type { ProductRepository } from '../domain/product-repository.js';
import { searchQueryRule, type ProductSearch } from '../domain/product-search.js';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor.js';

/** The most ids one batch read may ask for. */
export const MAX_BATCH_IDS = 1_000;

/** The catalog use cases. Input is validated here or in the domain before anything is written. */
export class CatalogService {
  constructor(
    private readonly products: ProductRepository,
    private readonly productSearch: ProductSearch,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(input: NewProduct): Promise<Product> {
    const product = Product.create(input, this.now());
    await this.products.add(product);
    return product;
  }

  async get(id: string): Promise<Product> {
    const productId = parseId(id, 'id', CatalogErrorCode.invalidId);
    const product = await this.products.get(productId);
    if (!product) throw new ProductNotFoundError(productId);
    return product;
  }

  /** Products for the ids, in their order, unknown and deleted ids left out; duplicates are answered once per occurrence. */
  async getMany(ids: readonly string[]): Promise<Product[]> {
    if (ids.length > MAX_BATCH_IDS) {
      throw new ValidationError(CatalogErrorCode.invalidId, 'ids', `ids must hold at most ${MAX_BATCH_IDS} ids, got ${ids.length}`);
    }
    const parsed = ids.map((id, index) => parseId(id, `ids[${index}]`, CatalogErrorCode.invalidId));
    const found = new Map((await this.products.getMany([...new Set(parsed)])).map((product) => [product.id, product]));
    return parsed.flatMap((id) => {
      const product = found.get(id);
      return product ? [product] : [];
    });
  }

  /** Newest first. */
  async list(pageSize: number, pageToken: string): Promise<Page<Product>> {
    const size = parsePageSize(pageSize, 'page_size', CatalogErrorCode.invalidPageSize);
    const after = decodeTimeIdCursor(pageToken, 'page_token', CatalogErrorCode.invalidPageToken);
    const rows = await this.products.list(size + 1, after);
    return toPage(rows, size, encodeTimeIdCursor);
  }

  /** Best match first, ties newest first; a query without searchable words finds nothing. */
  async search(query: string, pageSize: number, pageToken: string): Promise<Page<Product>> {
    const text = requireText(query, searchQueryRule);
    const size = parsePageSize(pageSize, 'page_size', CatalogErrorCode.invalidPageSize);
    const after = decodeSearchCursor(pageToken, 'page_token', CatalogErrorCode.invalidPageToken);
    const hits = await this.productSearch.search(text, size + 1, after);
    const page = toPage(hits, size, encodeSearchCursor);
    return { items: page.items.map((hit) => hit.product), nextPageToken: page.nextPageToken };
  }

  async update(id: string, changes: ProductChanges): Promise<Product> {
    const productId = parseId(id, 'id', CatalogErrorCode.invalidId);
    return this.products.update(productId, (product) => product.update(changes, this.now()));
  }

  /** Removes the product for good; its id answers NOT_FOUND afterwards. */
  /** Every change of the product, oldest first, also after deletion; empty for an id that never existed. */
  async history(id: string): Promise<ProductHistoryEntry[]> {
    return this.products.history(parseId(id, 'id', CatalogErrorCode.invalidId));
  }

  async delete(id: string): Promise<void> {
    const productId = parseId(id, 'id', CatalogErrorCode.invalidId);
    if (!(await this.products.delete(productId))) throw new ProductNotFoundError(productId);
  }
}
