import { ROOT_CONTEXT, SpanStatusCode, trace, TraceFlags, type Context, type Span, type SpanContext, type TraceState } from '@opentelemetry/api';
import { randomBytes } from 'node:crypto';
import type { Envelope } from './envelope.js';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A fresh W3C traceparent, for events written outside any traced request. */
export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/** The W3C traceparent of a span context. */
export function traceparentOf(spanContext: SpanContext): string {
  return `00-${spanContext.traceId}-${spanContext.spanId}-${spanContext.traceFlags.toString(16).padStart(2, '0')}`;
}

/**
 * The trace context an event is written in: the active span's (the request or event handling that caused it), so
 * the relay and the consumers continue that trace; a fresh one when nothing is traced (tracing off, or no span).
 */
export function currentTraceContext(): { traceparent: string; tracestate: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return { traceparent: newTraceparent(), tracestate: '' };
  return { traceparent: traceparentOf(spanContext), tracestate: spanContext.traceState?.serialize() ?? '' };
}

/** The context to start a span in as a child of an event's traceparent; the root context when it is malformed. */
export function contextOfTraceparent(traceparent: string, tracestate = ''): Context {
  const match = TRACEPARENT.exec(traceparent);
  if (!match || /^0+$/.test(match[1]!) || /^0+$/.test(match[2]!)) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: match[1]!,
    spanId: match[2]!,
    traceFlags: Number.parseInt(match[3]!, 16) & TraceFlags.SAMPLED,
    isRemote: true,
    ...(tracestate ? { traceState: new TraceStateFromHeader(tracestate) } : {}),
  });
}

/** The attributes of a span about one event (its relay publish, its handling): never its payload. */
export function eventSpanAttributes(envelope: Pick<Envelope, 'eventId' | 'eventType' | 'aggregateType' | 'aggregateId' | 'aggregateVersion'>): Record<string, string | number> {
  return {
    'messaging.system': 'nats',
    'messaging.message.id': envelope.eventId,
    'shop.event_type': envelope.eventType,
    'shop.aggregate_type': envelope.aggregateType,
    'shop.aggregate_id': envelope.aggregateId,
    'shop.aggregate_version': envelope.aggregateVersion,
    // A stock reservation's aggregate id is its order's id.
    ...(envelope.aggregateType === 'order' || envelope.aggregateType === 'stock_reservation' ? { 'shop.order_id': envelope.aggregateId } : {}),
  };
}

/** Marks a span failed, with the error's stable domain code when it has one (never its payload). */
export function recordSpanFailure(span: Span, error: unknown): void {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string') span.setAttribute('shop.error_code', code.slice(0, 60));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message.slice(0, 200) : 'failed' });
}

/** A W3C tracestate carried through unchanged (the shop adds no entries of its own). */
class TraceStateFromHeader implements TraceState {
  constructor(private readonly header: string) {}
  set(): TraceState {
    return this;
  }
  unset(): TraceState {
    return this;
  }
  get(): string | undefined {
    return undefined;
  }
  serialize(): string {
    return this.header;
  }
}
