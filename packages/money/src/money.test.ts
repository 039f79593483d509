import { describe, expect, it } from '@jest/globals';
import { isKnownCurrency, minorDigits } from './currency.js';
import { formatDecimal, multiply, parseDecimal, requireCurrency, sum } from './money.js';

describe('currencies', () => {
  it('knows ISO 4217 minor digits', () => {
    expect(['USD', 'EUR', 'JPY', 'KWD', 'HUF', 'CLF'].map(minorDigits)).toEqual([2, 2, 0, 3, 2, 4]);
  });

  it.each(['usd', 'US', 'USDX', 'ABC', 'XAU', 'XXX', ''])('refuses %p', (code) => {
    expect(isKnownCurrency(code)).toBe(false);
    expect(() => requireCurrency(code, 'price.currencyCode', 'T.CURRENCY')).toThrow(expect.objectContaining({ field: 'price.currencyCode' }));
  });
});

describe('parseDecimal', () => {
  it.each([
    ['19.99', 'USD', 1999n],
    ['0.1', 'USD', 10n],
    ['25', 'USD', 2500n],
    ['1000000.00', 'USD', 100000000n],
    ['500', 'JPY', 500n],
    ['1.234', 'KWD', 1234n],
    ['007.50', 'EUR', 750n],
  ])('reads %p %s as %p minor units', (amount, currency, expected) => {
    expect(parseDecimal(amount, currency, 'amount', 'T.AMOUNT')).toBe(expected);
  });

  it.each([
    ['1.999', 'USD', /at most 2 decimal places/],
    ['1.5', 'JPY', /whole number/],
    ['-1.00', 'USD', /decimal number/],
    ['1e3', 'USD', /decimal number/],
    ['1,000.00', 'USD', /decimal number/],
    [' 1.00', 'USD', /decimal number/],
    ['.5', 'USD', /decimal number/],
    ['5.', 'USD', /decimal number/],
    ['', 'USD', /decimal number/],
    ['NaN', 'USD', /decimal number/],
    ['１２', 'USD', /decimal number/],
  ])('refuses %p in %s naming the field', (amount, currency, message) => {
    expect(() => parseDecimal(amount, currency, 'price.amount', 'T.AMOUNT')).toThrow(
      expect.objectContaining({ field: 'price.amount', message: expect.stringMatching(message) }),
    );
  });
});

describe('parseDecimal length', () => {
  it('reads a decimal string of exactly 32 characters', () => {
    const amount = `${'9'.repeat(29)}.99`;
    expect(amount).toHaveLength(32);
    expect(parseDecimal(amount, 'USD', 'price.amount', 'T.AMOUNT')).toBe(BigInt('9'.repeat(31)));
  });

  it.each([
    ['33 digits', '1'.repeat(33)],
    ['33 characters of text that is no number', 'x'.repeat(33)],
    ['900,000 digits', '9'.repeat(900_000)],
  ])('refuses %s unread, naming the field and the limit', (_case, amount) => {
    const started = performance.now();
    expect(() => parseDecimal(amount, 'USD', 'price.amount', 'T.AMOUNT')).toThrow(
      expect.objectContaining({ field: 'price.amount', code: 'T.AMOUNT', message: `price.amount must be at most 32 characters long, got ${amount.length}` }),
    );
    if (amount.length > 1_000) process.stdout.write(`parseDecimal refused ${amount.length} digits in ${(performance.now() - started).toFixed(3)} ms\n`);
  });
});

describe('formatDecimal', () => {
  it.each([
    [10n, 'USD', '0.10'],
    [2500n, 'USD', '25.00'],
    [5n, 'USD', '0.05'],
    [0n, 'USD', '0.00'],
    [500n, 'JPY', '500'],
    [1234n, 'KWD', '1.234'],
    [-150n, 'EUR', '-1.50'],
  ])('writes %p %s as %p', (amount, currency, expected) => {
    expect(formatDecimal(amount, currency)).toBe(expected);
  });

  it('round-trips with parseDecimal', () => {
    for (const text of ['0.01', '19.99', '1000000.00']) expect(formatDecimal(parseDecimal(text, 'USD', 'a', 'c'), 'USD')).toBe(text);
  });
});

describe('arithmetic', () => {
  it('stays exact far beyond 2^53 minor units and where floats would drift', () => {
    const price = { amountMinor: 100000000n, currencyCode: 'USD' };
    const line = multiply(price, 1000);
    const total = sum(Array.from({ length: 100 }, () => line), 'USD');
    expect(formatDecimal(total.amountMinor, 'USD')).toBe('100000000000.00');
    expect(formatDecimal(sum([{ amountMinor: 10n, currencyCode: 'USD' }, { amountMinor: 20n, currencyCode: 'USD' }], 'USD').amountMinor, 'USD')).toBe('0.30');
    expect(multiply({ amountMinor: 9007199254740993n, currencyCode: 'JPY' }, 3).amountMinor).toBe(27021597764222979n);
  });
});
