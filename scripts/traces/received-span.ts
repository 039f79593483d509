// The one span shape the receiver hands out, whichever OTLP encoding (protobuf or JSON) brought the span in.

/** An attribute value as JavaScript holds it: int64 values are numbers while they are exact, bigints past that. */
export type AttributeValue = string | boolean | number | bigint | Uint8Array | null | AttributeValue[] | { [key: string]: AttributeValue };

/** Attributes as a plain object, so tests can write `span.attributes['rpc.method']`. */
export type Attributes = Record<string, AttributeValue>;

/** OTLP's SpanKind without its SPAN_KIND_ prefix. */
export type SpanKindName = 'UNSPECIFIED' | 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';

/** OTLP's StatusCode without its STATUS_CODE_ prefix. */
export type StatusCodeName = 'UNSET' | 'OK' | 'ERROR';

/** A link from a span to another span (often of another trace), e.g. a NATS consumer to the producer's span. */
export interface SpanLink {
  traceId: string;
  spanId: string;
  attributes: Attributes;
}

/** Something that happened during a span, such as an exception it recorded. */
export interface SpanEvent {
  name: string;
  timeNs: bigint;
  attributes: Attributes;
}

/** One span as received: ids in lowercase hex, times in nanoseconds since the epoch. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** Undefined for a root span. */
  parentSpanId: string | undefined;
  name: string;
  kind: SpanKindName;
  /** The resource attribute service.name, or "unknown_service" as the SDKs name an unnamed one. */
  service: string;
  startNs: bigint;
  endNs: bigint;
  durationMs: number;
  attributes: Attributes;
  events: SpanEvent[];
  links: SpanLink[];
  status: { code: StatusCodeName; message: string };
  /** Every attribute of the resource the span came from (service.name, process.pid, ...). */
  resource: Attributes;
  /** The instrumentation library that made the span. */
  scope: { name: string; version: string };
}
