import { describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { moneyToProto, stockToProto } from './catalog-client-mapper.js';

describe('catalog client mapping', () => {
  it('sends every int64 amount as its decimal string, leaving range checks to the service', () => {
    expect(moneyToProto({ amountMinor: 2n ** 63n - 1n, currencyCode: 'USD' })).toEqual({ amountMinor: '9223372036854775807', currencyCode: 'USD' });
    expect(moneyToProto({ amountMinor: -(2n ** 63n), currencyCode: 'USD' }).amountMinor).toBe('-9223372036854775808');
  });

  it.each([2n ** 63n, -(2n ** 63n) - 1n, 10n ** 30n])('refuses %p minor units, which protobuf would wrap around', (amountMinor) => {
    expect(() => moneyToProto({ amountMinor, currencyCode: 'USD' })).toThrow(
      expect.objectContaining({ status: status.INVALID_ARGUMENT, kind: 'INVALID_ARGUMENT', code: 'CATALOG.INVALID_PRICE', field: 'price.amount' }),
    );
  });

  it('sends whole stock numbers, leaving range checks to the service', () => {
    expect(stockToProto(-1)).toBe(-1);
    expect(stockToProto(2 ** 31 - 1)).toBe(2 ** 31 - 1);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, -(2 ** 31) - 1])('refuses the stock %p, which protobuf would truncate or wrap', (stock) => {
    expect(() => stockToProto(stock)).toThrow(expect.objectContaining({ status: status.INVALID_ARGUMENT, code: 'CATALOG.INVALID_STOCK', field: 'stock' }));
  });
});
