import { describe, expect, it } from '@jest/globals';
import { decimalAmount, moneyFromInput } from './money-input.js';

describe('decimalAmount (Decimal out)', () => {
  it.each([
    [10n, 'USD', '0.10'],
    [2500n, 'USD', '25.00'],
    [1999n, 'EUR', '19.99'],
    [500n, 'JPY', '500'],
    [1234n, 'KWD', '1.234'],
    [100_000_000_000_00n, 'USD', '100000000000.00'],
  ])('writes %p minor units of %s as %p', (amountMinor, currencyCode, expected) => {
    expect(decimalAmount({ amountMinor, currencyCode })).toBe(expected);
  });
});

describe('moneyFromInput (MoneyInput in)', () => {
  it.each([
    ['19.99', 'USD', 1999n],
    ['0.1', 'USD', 10n],
    ['0.10', 'USD', 10n],
    ['25', 'USD', 2500n],
    ['25.00', 'USD', 2500n],
    ['500', 'JPY', 500n],
  ])('reads %p %s as %p minor units', (amount, currencyCode, amountMinor) => {
    expect(moneyFromInput({ amount, currencyCode }, 'price')).toEqual({ amountMinor, currencyCode });
  });

  it.each([
    ['1.999', 'USD', /at most 2 decimal places/],
    ['5.5', 'JPY', /whole number/],
    ['-1.00', 'USD', /decimal number/],
    ['1e3', 'USD', /decimal number/],
    ['19,99', 'EUR', /decimal number/],
    ['', 'USD', /decimal number/],
    ['1'.repeat(33), 'USD', /at most 32 characters long, got 33/],
  ])('refuses amount %p in %s, naming price.amount', (amount, currencyCode, message) => {
    expect(() => moneyFromInput({ amount, currencyCode }, 'price')).toThrow(
      expect.objectContaining({ kind: 'INVALID_ARGUMENT', field: 'price.amount', code: 'GATEWAY.INVALID_AMOUNT', message: expect.stringMatching(message) }),
    );
  });

  it.each(['usd', 'US', 'ABC', 'XAU', ''])('refuses currency %p, naming price.currencyCode', (currencyCode) => {
    expect(() => moneyFromInput({ amount: '1.00', currencyCode }, 'price')).toThrow(
      expect.objectContaining({ field: 'price.currencyCode', code: 'GATEWAY.INVALID_CURRENCY' }),
    );
  });
});
