import { ValidationError } from '@shop/errors';
import { formatDecimal, majorUnit, requireCurrency, type Money } from '@shop/money';
import type { TextRule } from '@shop/validation';
import { CatalogErrorCode } from './product-errors.js';

/** The most units of one product the catalog keeps. */
export const MAX_STOCK = 1_000_000;
/** The highest price, in major units of any currency (1,000,000.00 USD, 1,000,000 JPY). */
export const MAX_PRICE_MAJOR_UNITS = 1_000_000n;

/** A product name: one line of 1..200 characters. */
export const nameRule: TextRule = { field: 'name', code: CatalogErrorCode.invalidName, min: 1, max: 200 };
/** A product description: up to 5,000 characters, line breaks allowed. */
export const descriptionRule: TextRule = { field: 'description', code: CatalogErrorCode.invalidDescription, min: 0, max: 5_000, multiline: true };

/** The lowest price in minor units: 0.01 of the major unit, or one minor unit where that is less precise (1 JPY). */
export function minPriceMinor(currencyCode: string): bigint {
  const hundredth = majorUnit(currencyCode) / 100n;
  return hundredth > 1n ? hundredth : 1n;
}

/** The highest price in minor units: 1,000,000 major units. */
export function maxPriceMinor(currencyCode: string): bigint {
  return MAX_PRICE_MAJOR_UNITS * majorUnit(currencyCode);
}

/** Checks a price: a known ISO 4217 currency, then an amount within the catalog's range; returns a copy. */
export function requirePrice(price: Money): Money {
  const currencyCode = requireCurrency(price.currencyCode, 'price.currencyCode', CatalogErrorCode.invalidCurrency);
  const min = minPriceMinor(currencyCode);
  const max = maxPriceMinor(currencyCode);
  if (price.amountMinor < min || price.amountMinor > max) {
    throw new ValidationError(
      CatalogErrorCode.invalidPrice,
      'price.amount',
      `price.amount must be between ${formatDecimal(min, currencyCode)} and ${formatDecimal(max, currencyCode)} ${currencyCode}, got ${formatDecimal(price.amountMinor, currencyCode)}`,
    );
  }
  return { amountMinor: price.amountMinor, currencyCode };
}

/** Checks a stock level: a whole number of units from 0 to MAX_STOCK (`field` names it in the error). */
export function requireStock(stock: number, field = 'stock'): number {
  if (!Number.isInteger(stock) || stock < 0 || stock > MAX_STOCK) {
    throw new ValidationError(CatalogErrorCode.invalidStock, field, `${field} must be a whole number between 0 and ${MAX_STOCK}, got ${stock}`);
  }
  return stock;
}
