import type { Money as MoneyProto, Money__Output } from '../generated/shop/common/v1/Money.js';

/** The plain money shape of @shop/money, restated so this package needs no dependency on it. */
export interface MoneyValue {
  amountMinor: bigint;
  currencyCode: string;
}

/** Money -> shop.common.v1.Money (int64 travels as a decimal string). */
export function toMoneyProto(money: MoneyValue): MoneyProto {
  return { amountMinor: money.amountMinor.toString(), currencyCode: money.currencyCode };
}

/**
 * shop.common.v1.Money -> money, or undefined when the message is absent or its amount is not an integer
 * string (callers decide which error that is on their side).
 */
export function fromMoneyProto(money: Money__Output | null | undefined): MoneyValue | undefined {
  if (!money || !/^-?\d+$/.test(money.amountMinor)) return undefined;
  return { amountMinor: BigInt(money.amountMinor), currencyCode: money.currencyCode };
}
