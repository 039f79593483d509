import { describe, expect, it } from '@jest/globals';
import type { Envelope } from '@shop/events';
import { Product } from '../domain/product.js';
import { catalogEventsWire, reservationEventsWire } from './catalog-events-wire.js';
import { indexChangeOf } from './search-projection.js';

const at = new Date('2026-11-21T10:00:00.000Z');
const product = Product.create({ name: 'Steel kettle', description: 'Boils.', price: { amountMinor: 2_500n, currencyCode: 'EUR' }, stock: 4 }, at);
const [created, updated, deleted] = catalogEventsWire.toEnvelopes(
  [
    { kind: 'created', product },
    { kind: 'updated', product: product.update({ stock: 1 }, at), changedFields: ['stock'] },
    { kind: 'deleted', productId: product.id },
  ],
  1,
  at,
  null,
) as [Envelope, Envelope, Envelope];

describe('indexChangeOf', () => {
  it('turns ProductCreated into an upsert of the product at the event version', () => {
    const change = indexChangeOf(created);
    expect(change).toEqual({ kind: 'upsert', product: expect.any(Product), version: 1 });
    expect(change?.kind === 'upsert' && change.product.toState()).toEqual(product.toState());
  });

  it('turns ProductUpdated into an upsert of the new state', () => {
    const change = indexChangeOf(updated);
    expect(change?.kind === 'upsert' && [change.product.stock, change.version]).toEqual([1, 2]);
  });

  it("turns the saga's ProductStockChanged, which carries only the stock, into a refresh of the stored product", () => {
    const [stockChanged] = catalogEventsWire.toEnvelopes([{ kind: 'stockChanged', productId: product.id, stock: 3 }], 4, at, null);
    expect(indexChangeOf(stockChanged!)).toEqual({ kind: 'refresh', id: product.id, version: 4 });
    expect(catalogEventsWire.toHistoryEntry(stockChanged!)).toMatchObject({ eventType: 'shop.catalog.v1.ProductStockChanged', version: 4, changedFields: ['stock'], actor: null });
  });

  it('turns ProductDeleted into a removal at the event version', () => {
    expect(indexChangeOf(deleted)).toEqual({ kind: 'remove', id: product.id, version: 3 });
  });

  it('ignores events that do not change a product', () => {
    const [reserved] = reservationEventsWire.toEnvelopes([{ kind: 'reserved', orderId: product.id, lines: [{ productId: product.id, quantity: 1 }] }], 1, at, null);
    expect(indexChangeOf(reserved!)).toBeUndefined();
  });
});
