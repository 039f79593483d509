import { describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import { decodeEnvelope, decodePayload, encodeEnvelope } from './envelope.js';
import { randomUUID } from 'node:crypto';
import { EventRegistry, streamOf } from './event-registry.js';
import { EVENT_PARTITIONS, partitionOf, publishedSubject } from './partitions.js';
import { toEnvelope } from './new-event.js';

const registry = new EventRegistry('catalog', [
  { type: 'shop.catalog.v1.ProductCreated', aggregateType: 'product', subject: 'shop.catalog.product.created' },
  { type: 'shop.catalog.v1.StockReserved', aggregateType: 'stock_reservation', subject: 'shop.catalog.stock_reservation.reserved' },
]);

describe('events on the wire', () => {
  it('round-trips an envelope and its payload, int64 amounts exact', () => {
    const productId = newId();
    const envelope = toEnvelope(
      registry,
      { type: 'shop.catalog.v1.ProductCreated', aggregateId: productId, message: { product: { id: productId, name: 'Kettle', price: { amountMinor: '9007199254740993', currencyCode: 'USD' }, stock: 4 } } },
      1,
      new Date('2026-05-01T10:00:00.123Z'),
      '0196a1b2-0000-7000-8000-000000000001',
    );
    const decoded = decodeEnvelope(encodeEnvelope(envelope));
    expect(decoded).toEqual(envelope);
    expect(decodeEnvelope(encodeEnvelope({ ...envelope, actor: null })).actor).toBeNull();
    expect(decoded.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(decodePayload<{ product: { price: { amountMinor: string } } }>(decoded).product.price.amountMinor).toBe('9007199254740993');
  });

  it('refuses unregistered types, unknown messages and subjects outside the service', () => {
    expect(() => registry.get('shop.catalog.v1.ProductDeleted')).toThrow(/not registered for catalog/);
    expect(() => new EventRegistry('catalog', [{ type: 'shop.catalog.v1.Nope', aggregateType: 'product', subject: 'shop.catalog.product.nope' }])).toThrow(/not a message/);
    expect(() => new EventRegistry('catalog', [{ type: 'shop.catalog.v1.ProductDeleted', aggregateType: 'product', subject: 'shop.order.product.deleted' }])).toThrow(/must be shop.catalog/);
  });

  it('refuses bytes that are not an envelope', () => {
    expect(() => decodeEnvelope(new Uint8Array([1, 2, 3]))).toThrow();
  });

  it('names one stream per service', () => {
    expect(streamOf('catalog')).toEqual({ name: 'SHOP_CATALOG', subjects: ['shop.catalog.>'] });
  });

  it('spreads aggregates over the partitions, each always in the same one', () => {
    const counts = new Array<number>(EVENT_PARTITIONS).fill(0);
    for (let i = 0; i < 4_000; i += 1) counts[partitionOf(randomUUID())]! += 1;
    // 1,000 expected in each; a hash that ignored most of the id would leave some nearly empty.
    for (const count of counts) expect(count).toBeGreaterThan(800);
    const id = randomUUID();
    expect(partitionOf(id)).toBe(partitionOf(id));
    // Fixed values: a change of hash would reorder the events of aggregates already on the streams.
    // Fixed: FNV-1a's published test values. A change of hash would reorder aggregates already on the streams.
    expect(partitionOf('a', 0xffffffff)).toBe(0xe40c292c);
    expect(partitionOf('foobar', 0xffffffff)).toBe(0xbf9cf968);
    expect(publishedSubject('shop.order.order.created', 'a')).toBe(`shop.order.order.created.${partitionOf('a')}`);
  });
});
