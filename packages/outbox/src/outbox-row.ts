import type { Envelope } from '@shop/events';

/** An outbox row as pg returns it (bigint columns arrive as strings). Private to this package. */
export interface OutboxRow {
  position: string;
  event_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  aggregate_version: string;
  occurred_at: Date;
  traceparent: string;
  tracestate: string;
  payload: Buffer;
  actor: string | null;
  attempts: number;
}

/** The columns every read selects, in OutboxRow's shape. */
export const OUTBOX_COLUMNS =
  'position, event_id, event_type, aggregate_type, aggregate_id, aggregate_version, occurred_at, traceparent, tracestate, payload, actor, attempts';

/** Row -> envelope: what the relay publishes and what a history read returns. */
export function envelopeFromRow(row: OutboxRow): Envelope {
  return {
    eventId: row.event_id,
    eventType: row.event_type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    aggregateVersion: Number(row.aggregate_version),
    occurredAt: row.occurred_at,
    traceparent: row.traceparent,
    tracestate: row.tracestate,
    payload: new Uint8Array(row.payload),
    actor: row.actor,
  };
}

/** Envelopes -> one array per column, for the single multi-row INSERT ... SELECT FROM unnest(...). */
export function toColumnArrays(envelopes: readonly Envelope[]): unknown[] {
  return [
    envelopes.map((envelope) => envelope.eventId),
    envelopes.map((envelope) => envelope.eventType),
    envelopes.map((envelope) => envelope.aggregateType),
    envelopes.map((envelope) => envelope.aggregateId),
    envelopes.map((envelope) => envelope.aggregateVersion),
    envelopes.map((envelope) => envelope.occurredAt),
    envelopes.map((envelope) => envelope.traceparent),
    envelopes.map((envelope) => envelope.tracestate),
    envelopes.map((envelope) => Buffer.from(envelope.payload.buffer, envelope.payload.byteOffset, envelope.payload.byteLength)),
    envelopes.map((envelope) => envelope.actor),
  ];
}
