import { aggregateEventCodec, type Envelope, EventRegistry, type NewEvent } from '@shop/events';
import type { OrderEvent, OrderEventCodec } from '../domain/order-events.js';
import { toProto } from '../server/order-proto-mapper.js';

/** The order service's events: published on shop.order.order.<event>, stream SHOP_ORDER. */
export const orderEventRegistry = new EventRegistry('order', [
  { type: 'shop.order.v1.OrderCreated', aggregateType: 'order', subject: 'shop.order.order.created' },
  { type: 'shop.order.v1.OrderConfirmed', aggregateType: 'order', subject: 'shop.order.order.confirmed' },
  { type: 'shop.order.v1.OrderRejected', aggregateType: 'order', subject: 'shop.order.order.rejected' },
  { type: 'shop.order.v1.OrderCancelled', aggregateType: 'order', subject: 'shop.order.order.cancelled' },
]);

function toNewEvent(event: OrderEvent): NewEvent {
  switch (event.kind) {
    case 'created':
      return { type: 'shop.order.v1.OrderCreated', aggregateId: event.order.id, message: { order: toProto(event.order) } };
    case 'confirmed':
      return { type: 'shop.order.v1.OrderConfirmed', aggregateId: event.orderId, message: { orderId: event.orderId } };
    case 'rejected':
      return { type: 'shop.order.v1.OrderRejected', aggregateId: event.orderId, message: { orderId: event.orderId, reason: event.reason } };
    case 'cancelled':
      return { type: 'shop.order.v1.OrderCancelled', aggregateId: event.orderId, message: { orderId: event.orderId, stockReserved: event.stockReserved } };
  }
}

function changedFieldsOf(envelope: Envelope): string[] {
  return envelope.eventType === 'shop.order.v1.OrderCreated' ? ['status', 'items', 'total'] : ['status'];
}

/** Order events <-> protobuf envelopes, for the outbox writes and the history reads of the repositories. */
export const orderEventsWire: OrderEventCodec = aggregateEventCodec(orderEventRegistry, toNewEvent, changedFieldsOf);
