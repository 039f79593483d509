import { describe, expect, it } from '@jest/globals';
import { isUuidV7 } from '@shop/ids';
import { Product, type NewProduct } from './product.js';

const now = new Date('2026-01-02T03:04:05.678Z');
const usd = (amountMinor: bigint) => ({ amountMinor, currencyCode: 'USD' });
const valid: NewProduct = { name: 'Kettle', description: 'Boils water.', price: usd(1_999n), stock: 5 };

describe('Product', () => {
  it('is created with a UUIDv7 id, trimmed text and both timestamps at creation time', () => {
    const product = Product.create({ ...valid, name: '  Steel kettle ', description: '\n Boils water.\n\tFast. \n' }, now);
    expect(isUuidV7(product.id)).toBe(true);
    expect(product.toState()).toMatchObject({ name: 'Steel kettle', description: 'Boils water.\n\tFast.', price: usd(1_999n), stock: 5, createdAt: now, updatedAt: now });
  });

  it('accepts the edges: a 200-emoji name, an empty or 5,000-character description, stock 0 and 1,000,000', () => {
    expect(Product.create({ ...valid, name: '😀'.repeat(200) }, now).name).toHaveLength(400);
    expect(Product.create({ ...valid, description: '   ' }, now).description).toBe('');
    expect(Product.create({ ...valid, description: 'é'.repeat(5_000) }, now).description).toHaveLength(5_000);
    expect(Product.create({ ...valid, stock: 0 }, now).stock).toBe(0);
    expect(Product.create({ ...valid, stock: 1_000_000 }, now).stock).toBe(1_000_000);
  });

  it.each([
    ['0.01 USD', usd(1n)],
    ['1,000,000.00 USD', usd(100_000_000n)],
    ['1 JPY', { amountMinor: 1n, currencyCode: 'JPY' }],
    ['1,000,000 JPY', { amountMinor: 1_000_000n, currencyCode: 'JPY' }],
    ['0.010 KWD', { amountMinor: 10n, currencyCode: 'KWD' }],
    ['1,000,000.000 KWD', { amountMinor: 1_000_000_000n, currencyCode: 'KWD' }],
  ])('accepts a price of %s', (_case, price) => {
    expect(Product.create({ ...valid, price }, now).price).toEqual(price);
  });

  it.each([
    ['an empty name', { name: '' }, 'name', 'CATALOG.INVALID_NAME', /^name must not be empty$/],
    ['a blank name', { name: '  \t ' }, 'name', 'CATALOG.INVALID_NAME', /must not be empty/],
    ['a 201-character name', { name: 'x'.repeat(201) }, 'name', 'CATALOG.INVALID_NAME', /^name must be at most 200 characters, got 201$/],
    ['a name of two lines', { name: 'Kettle\nDeluxe' }, 'name', 'CATALOG.INVALID_NAME', /control characters/],
    ['a 5,001-character description', { description: 'x'.repeat(5_001) }, 'description', 'CATALOG.INVALID_DESCRIPTION', /at most 5000 characters, got 5001/],
    ['a description with a NUL byte', { description: 'a\u0000b' }, 'description', 'CATALOG.INVALID_DESCRIPTION', /control characters/],
    ['an unknown currency', { price: { amountMinor: 100n, currencyCode: 'ABC' } }, 'price.currencyCode', 'CATALOG.INVALID_CURRENCY', /^price.currencyCode must be an ISO 4217 currency code such as USD or EUR, got "ABC"$/],
    ['a lower-case currency', { price: { amountMinor: 100n, currencyCode: 'usd' } }, 'price.currencyCode', 'CATALOG.INVALID_CURRENCY', /got "usd"/],
    ['an empty currency', { price: { amountMinor: 100n, currencyCode: '' } }, 'price.currencyCode', 'CATALOG.INVALID_CURRENCY', /got ""/],
    ['a price of 0', { price: usd(0n) }, 'price.amount', 'CATALOG.INVALID_PRICE', /^price.amount must be between 0.01 and 1000000.00 USD, got 0.00$/],
    ['a negative price', { price: usd(-100n) }, 'price.amount', 'CATALOG.INVALID_PRICE', /got -1.00$/],
    ['a price of 1,000,000.01 USD', { price: usd(100_000_001n) }, 'price.amount', 'CATALOG.INVALID_PRICE', /got 1000000.01$/],
    ['a price with far too many digits', { price: usd(10n ** 30n) }, 'price.amount', 'CATALOG.INVALID_PRICE', /between 0.01 and 1000000.00 USD/],
    ['a price of 0.009 KWD', { price: { amountMinor: 9n, currencyCode: 'KWD' } }, 'price.amount', 'CATALOG.INVALID_PRICE', /between 0.010 and 1000000.000 KWD, got 0.009$/],
    ['negative stock', { stock: -1 }, 'stock', 'CATALOG.INVALID_STOCK', /^stock must be a whole number between 0 and 1000000, got -1$/],
    ['stock of 1,000,001', { stock: 1_000_001 }, 'stock', 'CATALOG.INVALID_STOCK', /got 1000001$/],
    ['fractional stock', { stock: 1.5 }, 'stock', 'CATALOG.INVALID_STOCK', /got 1.5$/],
    ['NaN stock', { stock: Number.NaN }, 'stock', 'CATALOG.INVALID_STOCK', /got NaN$/],
  ])('refuses %s, naming the field', (_case, override, field, code, message) => {
    expect(() => Product.create({ ...valid, ...override }, now)).toThrow(expect.objectContaining({ field, code, kind: 'INVALID_ARGUMENT', message: expect.stringMatching(message) }));
  });

  it('updates only the given fields, validating them, and leaves the original as it was', () => {
    const product = Product.create(valid, now);
    const later = new Date(now.getTime() + 1000);
    const changed = product.update({ name: ' Grand kettle ', price: { amountMinor: 500n, currencyCode: 'JPY' } }, later);
    expect(changed.toState()).toEqual({ ...product.toState(), name: 'Grand kettle', price: { amountMinor: 500n, currencyCode: 'JPY' }, updatedAt: later });
    expect(product.toState()).toEqual(Product.create(valid, now, product.id).toState());
    expect(product.update({ stock: 0, description: '' }, later).toState()).toMatchObject({ stock: 0, description: '' });
    expect(() => product.update({ stock: 1_000_001 }, later)).toThrow(expect.objectContaining({ field: 'stock' }));
    expect(() => product.update({ price: usd(0n) }, later)).toThrow(expect.objectContaining({ field: 'price.amount' }));
  });

  it('sets the stock only if it is still the stock the admin read (expectedStock), or refuses with a conflict on stock', () => {
    const product = Product.create(valid, now);
    expect(product.update({ stock: 9, expectedStock: 5 }, now).stock).toBe(9);
    expect(() => product.update({ stock: 9, expectedStock: 7 }, now)).toThrow(
      expect.objectContaining({ kind: 'ALREADY_EXISTS', code: 'CATALOG.STOCK_CHANGED', field: 'stock', message: expect.stringMatching(/is 5 now, not 7/) }),
    );
    expect(() => product.update({ stock: 9, expectedStock: -1 }, now)).toThrow(expect.objectContaining({ kind: 'INVALID_ARGUMENT', field: 'expectedStock' }));
  });

  it('loads stored state as it is, without re-running creation rules', () => {
    const state = { id: 'legacy-id', name: 'x'.repeat(300), description: '', price: usd(0n), stock: -3, createdAt: now, updatedAt: now };
    expect(Product.fromStorage(state).toState()).toEqual(state);
  });

  it('hands out copies of its state, so callers cannot change the product', () => {
    const product = Product.create(valid, now);
    const state = product.toState() as { price: { amountMinor: bigint } };
    state.price.amountMinor = 1n;
    expect(product.price.amountMinor).toBe(1_999n);
  });
});
