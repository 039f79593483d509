import { randomBytes } from 'node:crypto';
import { encodeMessage } from '@shop/proto';
import { newId } from '@shop/ids';
import type { Envelope } from './envelope.js';
import type { EventRegistry } from './event-registry.js';

/** An event a use case produces, before the repository gives it its place in the aggregate's history. */
export interface NewEvent {
  /** A registered event type ("shop.catalog.v1.ProductCreated"). */
  type: string;
  aggregateId: string;
  /** The event message as a plain object shaped like its generated type. */
  message: object;
}

/** A fresh W3C traceparent, for events whose request carried none. */
export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/**
 * Turns a NewEvent into the envelope the outbox stores, at `version` of its aggregate, caused by `actor` (an
 * account id, or null for the system). Encodes the message now, inside the business transaction, so a
 * malformed event fails the change instead of the relay.
 */
export function toEnvelope(registry: EventRegistry, event: NewEvent, version: number, occurredAt: Date, actor: string | null, traceparent = newTraceparent()): Envelope {
  const definition = registry.get(event.type);
  return {
    eventId: newId(),
    eventType: definition.type,
    aggregateType: definition.aggregateType,
    aggregateId: event.aggregateId,
    aggregateVersion: version,
    occurredAt,
    traceparent,
    tracestate: '',
    payload: encodeMessage(definition.type, event.message),
    actor,
  };
}
