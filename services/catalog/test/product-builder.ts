import { Product, type NewProduct } from '../src/domain/product.js';

let sequence = 0;

/** Valid input for a new product (19.99 USD, 10 in stock); names are unique and contain no word the search tests look for. */
export function aProductInput(overrides: Partial<NewProduct> = {}): NewProduct {
  sequence += 1;
  return {
    name: `Plain item ${sequence}`,
    description: 'Ordinary goods for tests.\nSecond line.',
    price: { amountMinor: 1_999n, currencyCode: 'USD' },
    stock: 10,
    ...overrides,
  };
}

/** A valid Product created at `createdAt` (default: now). */
export function aProduct(overrides: Partial<NewProduct & { createdAt: Date }> = {}): Product {
  return Product.create(aProductInput(overrides), overrides.createdAt ?? new Date());
}

/** `count` dates one second apart from `start`, oldest first: creation times whose order the tests know. */
export function secondsApart(count: number, start = Date.now()): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(start + i * 1_000));
}
