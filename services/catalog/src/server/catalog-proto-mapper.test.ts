import { describe, expect, it } from '@jest/globals';
import { Product } from '../domain/product.js';
import { changesFromProto, moneyFromProto, newProductFromProto, productFromProto } from './catalog-proto-mapper.js';

// Cases a well-behaved client cannot send (CatalogClient only sends int64 values); grpcurl and foreign clients can.
describe('catalog proto mapping', () => {
  it('reads the int64 amount string as a bigint, beyond 2^53 too', () => {
    expect(moneyFromProto({ amountMinor: '9007199254740993', currencyCode: 'USD' })).toEqual({ amountMinor: 9_007_199_254_740_993n, currencyCode: 'USD' });
    expect(moneyFromProto({ amountMinor: '-5', currencyCode: 'USD' })).toEqual({ amountMinor: -5n, currencyCode: 'USD' });
  });

  it.each(['', '1.5', '1e3', 'abc', ' 1'])('refuses the amount string %p as INVALID_PRICE on price.amount', (amountMinor) => {
    expect(() => moneyFromProto({ amountMinor, currencyCode: 'USD' })).toThrow(
      expect.objectContaining({ field: 'price.amount', code: 'CATALOG.INVALID_PRICE', kind: 'INVALID_ARGUMENT', message: expect.stringMatching(/^price.amount must be an integer number of minor units/) }),
    );
  });

  it('refuses a create request without a price as INVALID_PRICE on price', () => {
    expect(() => newProductFromProto({ name: 'Kettle', description: '', price: null, stock: 1 })).toThrow(
      expect.objectContaining({ field: 'price', code: 'CATALOG.INVALID_PRICE', message: 'price is required' }),
    );
  });

  it('maps only the fields an update request set', () => {
    expect(changesFromProto({ id: 'x' })).toEqual({ name: undefined, description: undefined, price: undefined, stock: undefined });
    expect(changesFromProto({ id: 'x', stock: 0, price: { amountMinor: '100', currencyCode: 'EUR' } })).toEqual({
      name: undefined,
      description: undefined,
      price: { amountMinor: 100n, currencyCode: 'EUR' },
      stock: 0,
    });
  });

  it('reads a product back from its wire form (an event payload) unchanged, and refuses one without a price', () => {
    const product = Product.create({ name: 'Kettle', description: 'Steel.', price: { amountMinor: 1999n, currencyCode: 'EUR' }, stock: 3 }, new Date('2026-11-21T10:00:00.123Z'));
    const wire = { id: product.id, name: product.name, description: product.description, stock: product.stock, price: { amountMinor: '1999', currencyCode: 'EUR' }, createTime: { seconds: '1795255200', nanos: 123_000_000 }, updateTime: { seconds: '1795255200', nanos: 123_000_000 } };
    expect(productFromProto(wire).toState()).toEqual(product.toState());
    expect(() => productFromProto({ ...wire, price: null })).toThrow(`product ${product.id} arrived without a price`);
  });
});
