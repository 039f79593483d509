import { formatDecimal, parseDecimal, requireCurrency, type Money } from '@shop/money';
import { GatewayErrorCode } from './input-error-codes.js';

/** A MoneyInput as the client sends it: a Decimal string and a currency code. */
export interface MoneyInputValue {
  amount: string;
  currencyCode: string;
}

/**
 * Reads a MoneyInput as exact minor units: the currency first (its digits decide how the amount is read),
 * then the amount. Faults name `<field>.currencyCode` or `<field>.amount`. Ranges (0.01..1,000,000.00) are
 * the catalog's rules and checked there.
 */
export function moneyFromInput(input: MoneyInputValue, field: string): Money {
  const currencyCode = requireCurrency(input.currencyCode, `${field}.currencyCode`, GatewayErrorCode.invalidCurrency);
  const amountMinor = parseDecimal(input.amount, currencyCode, `${field}.amount`, GatewayErrorCode.invalidAmount);
  return { amountMinor, currencyCode };
}

/** The Decimal string of an amount: exactly the currency's minor digits ("0.10", "25.00", "500" for JPY). */
export function decimalAmount(money: Money): string {
  return formatDecimal(money.amountMinor, money.currencyCode);
}
