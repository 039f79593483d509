import { decodeMessage, encodeMessage, fromTimestamp, toTimestamp } from '@shop/proto';

/** An event as it is stored in the outbox and travels on NATS (the shop.events.v1.EventEnvelope message). */
export interface Envelope {
  eventId: string;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  /** 1 for the event that creates the aggregate, then +1 per event. */
  aggregateVersion: number;
  occurredAt: Date;
  traceparent: string;
  tracestate: string;
  /** The event message, protobuf-encoded. */
  payload: Uint8Array;
  /** Who caused the change: the caller's account id, or null for the system (work started by events). */
  actor: string | null;
}

interface EnvelopeMessage {
  eventId: string;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  aggregateVersion: string;
  occurredAt: { seconds: string; nanos: number } | null;
  trace: { traceparent: string; tracestate: string } | null;
  payload: Uint8Array;
  actor: string;
}

const ENVELOPE_TYPE = 'shop.events.v1.EventEnvelope';

/** Envelope -> bytes, what the relay publishes. */
export function encodeEnvelope(envelope: Envelope): Uint8Array {
  return encodeMessage(ENVELOPE_TYPE, {
    eventId: envelope.eventId,
    eventType: envelope.eventType,
    aggregateType: envelope.aggregateType,
    aggregateId: envelope.aggregateId,
    aggregateVersion: String(envelope.aggregateVersion),
    occurredAt: toTimestamp(envelope.occurredAt),
    trace: { traceparent: envelope.traceparent, tracestate: envelope.tracestate },
    payload: envelope.payload,
    actor: envelope.actor ?? '',
  });
}

/** Bytes -> envelope, what a consumer receives; throws on bytes that are not an envelope. */
export function decodeEnvelope(bytes: Uint8Array): Envelope {
  const message = decodeMessage<EnvelopeMessage>(ENVELOPE_TYPE, bytes);
  if (!message.eventId || !message.eventType) throw new Error('not an event envelope: event id or type missing');
  return {
    eventId: message.eventId,
    eventType: message.eventType,
    aggregateType: message.aggregateType,
    aggregateId: message.aggregateId,
    aggregateVersion: Number(message.aggregateVersion),
    occurredAt: fromTimestamp(message.occurredAt),
    traceparent: message.trace?.traceparent ?? '',
    tracestate: message.trace?.tracestate ?? '',
    payload: new Uint8Array(message.payload),
    actor: message.actor || null,
  };
}

/** The event message inside an envelope, decoded with the gRPC loader's conversions. */
export function decodePayload<T>(envelope: Envelope): T {
  return decodeMessage<T>(envelope.eventType, envelope.payload);
}
