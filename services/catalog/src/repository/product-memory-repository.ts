import { newestFirst } from '@shop/pagination';
import type { Product } from '../domain/product.js';
import { ProductNotFoundError } from '../domain/product-errors.js';
import type { ProductCursor, ProductRepository } from '../domain/product-repository.js';

/** ProductRepository in memory: for unit tests of the service, held to the same contract suite as Postgres. */
export class ProductMemoryRepository implements ProductRepository {
  private readonly products = new Map<string, Product>();

  async add(product: Product): Promise<void> {
    this.products.set(product.id, product);
  }

  async get(id: string): Promise<Product | undefined> {
    return this.products.get(id);
  }

  async getMany(ids: readonly string[]): Promise<Product[]> {
    return ids.flatMap((id) => {
      const product = this.products.get(id);
      return product ? [product] : [];
    });
  }

  async list(limit: number, after?: ProductCursor): Promise<Product[]> {
    return [...this.products.values()]
      .sort(newestFirst)
      .filter((product) => !after || newestFirst(product, after) > 0)
      .slice(0, limit);
  }

  async update(id: string, change: (product: Product) => Product): Promise<Product> {
    const current = this.products.get(id);
    if (!current) throw new ProductNotFoundError(id);
    const changed = change(current);
    this.products.set(id, changed);
    return changed;
  }

  async delete(id: string): Promise<boolean> {
    return this.products.delete(id);
  }

  /** Every stored product, for the in-memory search that reads this repository as Postgres search reads the table. */
  all(): Product[] {
    return [...this.products.values()];
  }
}
