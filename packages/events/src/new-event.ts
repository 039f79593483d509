import { encodeMessage } from '@shop/proto';
import { newId } from '@shop/ids';
import type { Envelope } from './envelope.js';
import type { EventRegistry } from './event-registry.js';
import { currentTraceContext } from './trace-context.js';

/** An event a use case produces, before the repository gives it its place in the aggregate's history. */
export interface NewEvent {
  /** A registered event type ("shop.catalog.v1.ProductCreated"). */
  type: string;
  aggregateId: string;
  /** The event message as a plain object shaped like its generated type. */
  message: object;
}

/**
 * Turns a NewEvent into the envelope the outbox stores, at `version` of its aggregate, caused by `actor` (an
 * account id, or null for the system). Encodes the message now, inside the business transaction, so a
 * malformed event fails the change instead of the relay. It carries the trace context it was written in.
 */
export function toEnvelope(registry: EventRegistry, event: NewEvent, version: number, occurredAt: Date, actor: string | null, trace = currentTraceContext()): Envelope {
  const definition = registry.get(event.type);
  return {
    eventId: newId(),
    eventType: definition.type,
    aggregateType: definition.aggregateType,
    aggregateId: event.aggregateId,
    aggregateVersion: version,
    occurredAt,
    traceparent: trace.traceparent,
    tracestate: trace.tracestate,
    payload: encodeMessage(definition.type, event.message),
    actor,
  };
}
