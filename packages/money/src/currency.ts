import currencyCodes from 'currency-codes';

// ISO 4217 codes that are not money one can price goods in (precious metals, bond units, test and
// "no currency" codes); ISO gives them no minor unit.
const NOT_FOR_PRICES = new Set(['XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX']);

/** The number of minor-unit digits of an ISO 4217 currency (2 for USD, 0 for JPY, 3 for KWD), or undefined for an unknown code. */
export function minorDigits(currencyCode: string): number | undefined {
  if (!/^[A-Z]{3}$/.test(currencyCode) || NOT_FOR_PRICES.has(currencyCode)) return undefined;
  return currencyCodes.code(currencyCode)?.digits;
}

/** True for an ISO 4217 currency code the shop can price in (upper case, as ISO writes it). */
export function isKnownCurrency(currencyCode: string): boolean {
  return minorDigits(currencyCode) !== undefined;
}
