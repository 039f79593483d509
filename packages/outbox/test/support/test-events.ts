import { randomBytes } from 'node:crypto';
import { EventRegistry, toEnvelope, type Envelope } from '@shop/events';

/** The event types the outbox tests (and the bench) write: real catalog messages under a service of their own. */
export const StockReserved = 'shop.catalog.v1.StockReserved';
export const StockReleased = 'shop.catalog.v1.StockReleased';

/**
 * A service name no other test run uses ("outboxtest_qzkfmwhe"), so its stream SHOP_OUTBOXTEST_QZKFMWHE and its
 * subjects are private to one test. Letters only: subjects allow no digits.
 */
export function uniqueServiceName(prefix = 'outboxtest'): string {
  const letters = [...randomBytes(8)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');
  return `${prefix}_${letters}`;
}

/** A tiny registry: reserved and released events of the "stock_reservation" aggregate. */
export function testRegistry(service: string): EventRegistry {
  return new EventRegistry(service, [
    { type: StockReserved, aggregateType: 'stock_reservation', subject: `shop.${service}.stock_reservation.reserved` },
    { type: StockReleased, aggregateType: 'stock_reservation', subject: `shop.${service}.stock_reservation.released` },
  ]);
}

/** Makes events the way a repository would: each aggregate's next version, in order. */
export class TestEvents {
  private readonly versions = new Map<string, number>();

  constructor(readonly registry: EventRegistry) {}

  /** The next event of `aggregateId`. */
  next(aggregateId: string, type: string = StockReserved): Envelope {
    const version = (this.versions.get(aggregateId) ?? 0) + 1;
    this.versions.set(aggregateId, version);
    const message = { orderId: aggregateId, lines: [{ productId: aggregateId, quantity: version }] };
    return toEnvelope(this.registry, { type, aggregateId, message }, version, new Date(), null);
  }

  /** `count` events spread round-robin over `aggregateIds`, as one list in production order. */
  many(aggregateIds: readonly string[], count: number): Envelope[] {
    return Array.from({ length: count }, (_, i) => this.next(aggregateIds[i % aggregateIds.length] as string));
  }
}
