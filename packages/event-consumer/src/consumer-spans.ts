import { ROOT_CONTEXT, SpanKind, trace, type Link, type Span } from '@opentelemetry/api';
import { contextOfTraceparent, eventSpanAttributes, recordSpanFailure, type Envelope } from '@shop/events';

const tracer = trace.getTracer('@shop/event-consumer');

async function inSpan<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    recordSpanFailure(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Handles one event inside a CONSUMER span that continues the event's trace (a child of the relay's publish), so
 * the handler's SQL and the events it writes belong to the request that started it all. No-op without tracing.
 */
export function eventSpan<T>(consumer: string, envelope: Envelope, work: () => Promise<T>): Promise<T> {
  const attributes = { ...eventSpanAttributes(envelope), 'messaging.operation.type': 'process', 'messaging.consumer.group.name': consumer };
  return tracer.startActiveSpan(`process ${envelope.eventType}`, { kind: SpanKind.CONSUMER, attributes }, contextOfTraceparent(envelope.traceparent, envelope.tracestate), (span) => inSpan(span, work));
}

/**
 * One transaction for a batch of events, which came from many requests: a span of its own (its BEGIN, COMMIT and
 * the batch's locks), linked to each event's trace rather than a child of any one of them.
 */
export function batchSpan<T>(consumer: string, envelopes: readonly Envelope[], work: () => Promise<T>): Promise<T> {
  const links: Link[] = envelopes
    .map((envelope) => trace.getSpanContext(contextOfTraceparent(envelope.traceparent, envelope.tracestate)))
    .filter((spanContext) => spanContext !== undefined)
    .map((spanContext) => ({ context: spanContext }));
  const attributes = { 'messaging.system': 'nats', 'messaging.operation.type': 'process', 'messaging.consumer.group.name': consumer, 'messaging.batch.message_count': envelopes.length };
  return tracer.startActiveSpan(`process batch of ${envelopes.length}`, { kind: SpanKind.CONSUMER, attributes, links }, ROOT_CONTEXT, (span) => inSpan(span, work));
}
