import { describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import { aLine, anOrder } from '../../test/order-builder.js';
import { Order } from './order.js';
import { parseOrderRequest } from './order-request.js';

describe('Order', () => {
  it('is placed PENDING with exact subtotals and total', () => {
    const order = anOrder({
      lines: [aLine({ unitPrice: { amountMinor: 10n, currencyCode: 'USD' }, quantity: 3 }), aLine({ unitPrice: { amountMinor: 20n, currencyCode: 'USD' }, quantity: 1 })],
    });
    expect(order.status).toBe('PENDING');
    expect(order.lines.map(Order.subtotal)).toEqual([{ amountMinor: 30n, currencyCode: 'USD' }, { amountMinor: 20n, currencyCode: 'USD' }]);
    expect(order.total).toEqual({ amountMinor: 50n, currencyCode: 'USD' });
  });

  it('keeps the largest order the limits allow exact (100 lines x 1000 x 1,000,000.00)', () => {
    const lines = Array.from({ length: 100 }, () => aLine({ unitPrice: { amountMinor: 100_000_000n, currencyCode: 'USD' }, quantity: 1000 }));
    expect(anOrder({ lines }).total.amountMinor).toBe(10_000_000_000_000n);
  });

  it('refuses lines in different currencies on items', () => {
    const lines = [aLine(), aLine({ unitPrice: { amountMinor: 500n, currencyCode: 'EUR' } })];
    expect(() => anOrder({ lines })).toThrow(expect.objectContaining({ field: 'items', code: 'ORDER.MIXED_CURRENCIES', message: 'items must all be priced in one currency, got EUR, USD' }));
  });

  it('cancels PENDING and CONFIRMED orders only', () => {
    const later = new Date(Date.now() + 1000);
    expect(anOrder().cancel(later).toState()).toMatchObject({ status: 'CANCELLED', updatedAt: later });
    const confirmed = Order.fromStorage({ ...anOrder().toState(), status: 'CONFIRMED' });
    expect(confirmed.cancel(later).status).toBe('CANCELLED');
    for (const status of ['REJECTED', 'CANCELLED'] as const) {
      const order = Order.fromStorage({ ...anOrder().toState(), status });
      expect(() => order.cancel(later)).toThrow(expect.objectContaining({ code: 'ORDER.NOT_CANCELLABLE', kind: 'FAILED_PRECONDITION' }));
    }
  });
});

describe('Order.settleReservation', () => {
  it('confirms or rejects a PENDING order and leaves any other order as it is', () => {
    const later = new Date(Date.now() + 1000);
    expect(anOrder().settleReservation(true, later).status).toBe('CONFIRMED');
    expect(anOrder().settleReservation(false, later).status).toBe('REJECTED');
    const cancelled = anOrder().cancel(later);
    expect(cancelled.settleReservation(true, new Date())).toBe(cancelled);
    const confirmed = anOrder().settleReservation(true, later);
    expect(confirmed.settleReservation(false, new Date())).toBe(confirmed);
  });
});

describe('parseOrderRequest', () => {
  const item = (quantity = 1) => ({ productId: newId(), quantity });

  it('lower-cases ids and keeps the lines in order', () => {
    const product = newId();
    const account = newId();
    expect(parseOrderRequest({ accountId: account.toUpperCase(), items: [{ productId: product.toUpperCase(), quantity: 2 }] })).toEqual({
      accountId: account,
      items: [{ productId: product, quantity: 2 }],
    });
  });

  it.each([
    ['a malformed account id', { accountId: 'nope', items: [item()] }, 'accountId', 'ORDER.INVALID_ID'],
    ['no items', { accountId: newId(), items: [] }, 'items', 'ORDER.INVALID_ITEMS'],
    ['101 distinct products', { accountId: newId(), items: Array.from({ length: 101 }, () => item()) }, 'items', 'ORDER.INVALID_ITEMS'],
    ['a malformed product id', { accountId: newId(), items: [item(), { productId: '42', quantity: 1 }] }, 'items[1].productId', 'ORDER.INVALID_ID'],
    ['quantity 0', { accountId: newId(), items: [item(0)] }, 'items[0].quantity', 'ORDER.INVALID_QUANTITY'],
    ['quantity 1001', { accountId: newId(), items: [item(), item(1001)] }, 'items[1].quantity', 'ORDER.INVALID_QUANTITY'],
    ['a negative quantity', { accountId: newId(), items: [item(-3)] }, 'items[0].quantity', 'ORDER.INVALID_QUANTITY'],
  ])('refuses %s, naming the field', (_case, input, field, code) => {
    expect(() => parseOrderRequest(input)).toThrow(expect.objectContaining({ field, code, kind: 'INVALID_ARGUMENT' }));
  });

  it('refuses the same product twice instead of merging, naming the repeat', () => {
    const productId = newId();
    expect(() => parseOrderRequest({ accountId: newId(), items: [{ productId, quantity: 1 }, item(), { productId: productId.toUpperCase(), quantity: 2 }] })).toThrow(
      expect.objectContaining({ field: 'items[2].productId', code: 'ORDER.DUPLICATE_PRODUCT' }),
    );
  });

  it('accepts exactly 100 products of quantity 1000', () => {
    expect(parseOrderRequest({ accountId: newId(), items: Array.from({ length: 100 }, () => item(1000)) }).items).toHaveLength(100);
  });
});
