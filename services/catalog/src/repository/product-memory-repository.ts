import { FIRST_HISTORY_PAGE, historyInRange, MemoryOutbox, type HistoryRange } from '@shop/events';
import { newestFirst } from '@shop/pagination';
import type { Product } from '../domain/product.js';
import { ProductNotFoundError } from '../domain/product-errors.js';
import { changedFields, type ProductEvent, type ProductEventCodec, type ProductHistoryEntry } from '../domain/product-events.js';
import type { Actor, ProductCursor, ProductRepository } from '../domain/product-repository.js';

/** ProductRepository in memory: for unit tests of the service, held to the same contract suite as Postgres. */
export class ProductMemoryRepository implements ProductRepository {
  private readonly products = new Map<string, { product: Product; version: number }>();
  private readonly outbox: MemoryOutbox<ProductEvent>;

  constructor(events: ProductEventCodec) {
    this.outbox = new MemoryOutbox(events);
  }

  async add(product: Product, actor: Actor): Promise<void> {
    this.products.set(product.id, { product, version: 1 });
    this.outbox.record([{ kind: 'created', product }], 1, product.createdAt, actor);
  }

  async get(id: string): Promise<Product | undefined> {
    return this.products.get(id)?.product;
  }

  async getMany(ids: readonly string[]): Promise<Product[]> {
    return ids.flatMap((id) => this.products.get(id)?.product ?? []);
  }

  async list(limit: number, after?: ProductCursor): Promise<Product[]> {
    return this.all()
      .sort(newestFirst)
      .filter((product) => !after || newestFirst(product, after) > 0)
      .slice(0, limit);
  }

  async update(id: string, change: (product: Product) => Product, actor: Actor): Promise<Product> {
    const current = this.products.get(id);
    if (!current) throw new ProductNotFoundError(id);
    const changed = change(current.product);
    const fields = changedFields(current.product, changed);
    const version = current.version + (fields.length > 0 ? 1 : 0);
    this.products.set(id, { product: changed, version });
    if (fields.length > 0) this.outbox.record([{ kind: 'updated', product: changed, changedFields: fields }], version, changed.updatedAt, actor);
    return changed;
  }

  async delete(id: string, actor: Actor): Promise<boolean> {
    const current = this.products.get(id);
    if (!current) return false;
    this.products.delete(id);
    this.outbox.record([{ kind: 'deleted', productId: id }], current.version + 1, new Date(), actor);
    return true;
  }

  async history(id: string, range: HistoryRange = FIRST_HISTORY_PAGE): Promise<ProductHistoryEntry[]> {
    return historyInRange(this.outbox.history(id), range);
  }

  async histories(ids: readonly string[], range: HistoryRange): Promise<ProductHistoryEntry[][]> {
    return ids.map((id) => historyInRange(this.outbox.history(id), range));
  }

  /** Every stored product, for the in-memory search that reads this repository as Postgres search reads the table. */
  all(): Product[] {
    return [...this.products.values()].map((stored) => stored.product);
  }
}
