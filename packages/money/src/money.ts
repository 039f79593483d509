import { ValidationError } from '@shop/errors';
import { minorDigits } from './currency.js';

/** An exact amount: integer minor units (cents, yen) and an ISO 4217 code. Never a float. */
export interface Money {
  readonly amountMinor: bigint;
  readonly currencyCode: string;
}

/** Checks a currency code from outside; returns it or throws a ValidationError naming the field. */
export function requireCurrency(currencyCode: string, field: string, code: string): string {
  if (minorDigits(currencyCode) === undefined) {
    throw new ValidationError(code, field, `${field} must be an ISO 4217 currency code such as USD or EUR, got ${JSON.stringify(currencyCode.slice(0, 20))}`);
  }
  return currencyCode;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** API.md: a decimal string longer than this is refused before it is read (no amount the shop holds needs more). */
export const MAX_DECIMAL_LENGTH = 32;

/**
 * Reads a decimal string ("19.99", "0.1", "500") as minor units of `currencyCode`. Trailing zeros may be
 * omitted; more fraction digits than the currency has ("1.999" for USD) are refused, as are signs,
 * exponents, spaces and separators. A string over MAX_DECIMAL_LENGTH characters is refused unread, since
 * turning a huge digit string into a bigint takes time that grows faster than its length. The currency must be
 * valid already.
 */
export function parseDecimal(amount: string, currencyCode: string, field: string, code: string): bigint {
  if (amount.length > MAX_DECIMAL_LENGTH) {
    throw new ValidationError(code, field, `${field} must be at most ${MAX_DECIMAL_LENGTH} characters long, got ${amount.length}`);
  }
  const digits = minorDigits(currencyCode) ?? 0;
  const match = DECIMAL.exec(amount);
  if (!match) throw new ValidationError(code, field, `${field} must be a decimal number such as "19.99", got ${JSON.stringify(amount.slice(0, 40))}`);
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > digits) {
    throw new ValidationError(code, field, digits === 0 ? `${field} must be a whole number in ${currencyCode}` : `${field} must have at most ${digits} decimal places in ${currencyCode}`);
  }
  return BigInt(whole + fraction.padEnd(digits, '0'));
}

/** Writes minor units with exactly the currency's digits: "0.10", "25.00", "500" for JPY. */
export function formatDecimal(amountMinor: bigint, currencyCode: string): string {
  const digits = minorDigits(currencyCode) ?? 0;
  const negative = amountMinor < 0n;
  const text = (negative ? -amountMinor : amountMinor).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
}

/** `money` times an integer quantity, exactly. */
export function multiply(money: Money, quantity: number): Money {
  return { amountMinor: money.amountMinor * BigInt(quantity), currencyCode: money.currencyCode };
}

/** The sum of amounts that share one currency (the caller has checked that); zero of `currencyCode` for none. */
export function sum(amounts: readonly Money[], currencyCode: string): Money {
  return { amountMinor: amounts.reduce((total, money) => total + money.amountMinor, 0n), currencyCode };
}

/** One major unit (1.00 USD, 1 JPY) in minor units of the currency. */
export function majorUnit(currencyCode: string): bigint {
  return 10n ** BigInt(minorDigits(currencyCode) ?? 0);
}
