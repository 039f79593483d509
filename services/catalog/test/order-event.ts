import type { Envelope } from '@shop/events';
import { newId } from '@shop/ids';
import { encodeMessage } from '@shop/proto';

/** An order service event as the catalog's consumer receives it, for tests that drive the stock saga directly. */
export function orderEvent(type: 'OrderCreated' | 'OrderCancelled', orderId: string, version: number, message: object, actor: string | null = null): Envelope {
  const eventType = `shop.order.v1.${type}`;
  return {
    eventId: newId(),
    eventType,
    aggregateType: 'order',
    aggregateId: orderId,
    aggregateVersion: version,
    occurredAt: new Date(),
    traceparent: '',
    tracestate: '',
    payload: encodeMessage(eventType, message),
    actor,
  };
}
