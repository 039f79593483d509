import { newId } from '@shop/ids';
import { Order, type OrderLine } from '../src/domain/order.js';

/** A valid order line; price in USD minor units unless given. */
export function aLine(overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    productId: newId(),
    productName: 'Zephyr kettle',
    unitPrice: { amountMinor: 1999n, currencyCode: 'USD' },
    quantity: 1,
    ...overrides,
  };
}

/** A valid PENDING order of `accountId` (new by default) with the given lines (one line by default). */
export function anOrder(overrides: { accountId?: string; lines?: OrderLine[]; createdAt?: Date } = {}): Order {
  return Order.place({ accountId: overrides.accountId ?? newId(), lines: overrides.lines ?? [aLine()] }, overrides.createdAt ?? new Date());
}
