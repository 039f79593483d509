import type { AggregateEventCodec, HistoryEntry } from '@shop/events';
import type { Order, OrderStatus } from './order.js';

/** What happened to an order; the repository writes each one to the outbox in the same transaction as the change. */
export type OrderEvent =
  | { kind: 'created'; order: Order }
  | { kind: 'confirmed'; orderId: string }
  | { kind: 'rejected'; orderId: string; reason: string }
  | { kind: 'cancelled'; orderId: string; stockReserved: boolean };

/** One change in an order's history, as the outbox keeps it. */
export type OrderHistoryEntry = HistoryEntry;

/** Order events <-> outbox envelopes; implemented at the wire edge (src/events/), used by the repositories. */
export type OrderEventCodec = AggregateEventCodec<OrderEvent>;

/** The event of a status change, or undefined when the status did not change. */
export function statusEvent(before: Order, after: Order, reason = ''): OrderEvent | undefined {
  if (before.status === after.status) return undefined;
  const transitions: Record<Exclude<OrderStatus, 'PENDING'>, OrderEvent> = {
    CONFIRMED: { kind: 'confirmed', orderId: after.id },
    REJECTED: { kind: 'rejected', orderId: after.id, reason },
    CANCELLED: { kind: 'cancelled', orderId: after.id, stockReserved: before.status === 'CONFIRMED' },
  };
  return after.status === 'PENDING' ? undefined : transitions[after.status];
}
