import { newId } from '@shop/ids';
import type { Money } from '@shop/money';
import { requireText } from '@shop/validation';
import { StockChangedError } from './product-errors.js';
import { descriptionRule, nameRule, requirePrice, requireStock } from './product-rules.js';

/** The state of a product, as storage loads it and mappers read it. */
export interface ProductState {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly price: Money;
  readonly stock: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What a client gives to create a product. */
export interface NewProduct {
  name: string;
  description: string;
  price: Money;
  stock: number;
}

/** What a client may change on a product; absent fields stay as they are, a price replaces the price. */
export interface ProductChanges {
  name?: string | undefined;
  description?: string | undefined;
  price?: Money | undefined;
  stock?: number | undefined;
  /**
   * The stock the admin read before deciding on `stock` (compare-and-set): when the stock is no longer that, an
   * order reserved or released some meanwhile, and the change is refused with StockChangedError rather than
   * erasing it. Without it, `stock` is set as given.
   */
  expectedStock?: number | undefined;
}

/** Something the catalog sells. Always valid: created through `create`, loaded through `fromStorage`, changed through `update`. */
export class Product {
  private constructor(private readonly state: ProductState) {}

  /** A new product from user input: trims and validates every field. */
  static create(input: NewProduct, now: Date, id: string = newId()): Product {
    return new Product({
      id,
      name: requireText(input.name, nameRule),
      description: requireText(input.description, descriptionRule),
      price: requirePrice(input.price),
      stock: requireStock(input.stock),
      createdAt: now,
      updatedAt: now,
    });
  }

  /** A product as the repository stored it; creation rules are not re-run on data that passed them once. */
  static fromStorage(state: ProductState): Product {
    return new Product({ ...state, price: { ...state.price } });
  }

  get id(): string {
    return this.state.id;
  }
  get name(): string {
    return this.state.name;
  }
  get description(): string {
    return this.state.description;
  }
  get price(): Money {
    return this.state.price;
  }
  get stock(): number {
    return this.state.stock;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }
  get updatedAt(): Date {
    return this.state.updatedAt;
  }

  /**
   * The product with `changes` applied and validated; the product itself is not modified. Throws StockChangedError
   * when `expectedStock` is given and is not the current stock (run it under the row lock: the repository's update).
   */
  update(changes: ProductChanges, now: Date): Product {
    if (changes.expectedStock !== undefined && requireStock(changes.expectedStock, 'expectedStock') !== this.state.stock) {
      throw new StockChangedError(this.state.id, changes.expectedStock, this.state.stock);
    }
    return new Product({
      ...this.state,
      name: changes.name === undefined ? this.state.name : requireText(changes.name, nameRule),
      description: changes.description === undefined ? this.state.description : requireText(changes.description, descriptionRule),
      price: changes.price === undefined ? this.state.price : requirePrice(changes.price),
      stock: changes.stock === undefined ? this.state.stock : requireStock(changes.stock),
      updatedAt: now,
    });
  }

  /** A copy of the state, for mappers. */
  toState(): ProductState {
    return { ...this.state, price: { ...this.state.price } };
  }
}
