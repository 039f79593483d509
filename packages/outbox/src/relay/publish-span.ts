import { SpanKind, trace } from '@opentelemetry/api';
import { contextOfTraceparent, eventSpanAttributes, recordSpanFailure, traceparentOf, type Envelope } from '@shop/events';

const tracer = trace.getTracer('@shop/outbox');

/**
 * Publishes an event inside a PRODUCER span of the trace that wrote it (the event's traceparent). The message
 * carries the span's own context, so the consumers' spans follow the publish. Without tracing the span is a
 * no-op and the event goes out as stored.
 */
export function publishSpan<T>(envelope: Envelope, subject: string, publish: (envelope: Envelope) => Promise<T>): Promise<T> {
  const attributes = { ...eventSpanAttributes(envelope), 'messaging.operation.type': 'send', 'messaging.destination.name': subject };
  return tracer.startActiveSpan(`publish ${subject}`, { kind: SpanKind.PRODUCER, attributes }, contextOfTraceparent(envelope.traceparent, envelope.tracestate), async (span) => {
    try {
      return await publish(span.isRecording() ? { ...envelope, traceparent: traceparentOf(span.spanContext()) } : envelope);
    } catch (error) {
      recordSpanFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}
