// Export requests for the tests, built the way exporters build them: protobuf encoded with the receiver's own
// .proto, JSON written out as OTLP/JSON spells it. Not a test file itself (jest runs only *.test.ts).
import { gzipSync } from 'node:zlib';
import { otlpTraceTypes } from './otlp-protobuf.js';
import type { ReceivedSpan } from './received-span.js';

/** A span as the quiet-period and tree tests need it: ids in hex, times in milliseconds from a fixed epoch. */
export interface SpanSpec {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startMs: number;
  durationMs: number;
}

/** The start of every test trace: a fixed time past 2^53 ns, so a lost int64 digit would show. */
export const EPOCH_NS = 1_700_000_000_123_456_789n;

const nanos = (ms: number) => (EPOCH_NS + BigInt(Math.round(ms * 1e6))).toString();

/** An ExportTraceServiceRequest in OTLP/JSON for spans of one service; encodeRequest makes protobuf of it. */
export function jsonRequest(service: string, spans: SpanSpec[]): object {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeSpans: [
          {
            scope: { name: 'test' },
            spans: spans.map((span) => ({
              traceId: span.traceId,
              spanId: span.spanId,
              ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
              name: span.name,
              kind: 1,
              startTimeUnixNano: nanos(span.startMs),
              endTimeUnixNano: nanos(span.startMs + span.durationMs),
            })),
          },
        ],
      },
    ],
  };
}

/**
 * An OTLP/JSON request as protobufjs's fromObject takes it: the same object, but trace and span ids as bytes rather
 * than hex (fromObject reads the rest, enum names and base64 bytes values included, as the JSON mapping does).
 */
export function withIdBytes(request: unknown): unknown {
  if (Array.isArray(request)) return request.map(withIdBytes);
  if (typeof request !== 'object' || request === null) return request;
  return Object.fromEntries(
    Object.entries(request).map(([key, value]) => [key, ['traceId', 'spanId', 'parentSpanId'].includes(key) && typeof value === 'string' ? Buffer.from(value, 'hex') : withIdBytes(value)]),
  );
}

/** Protobuf bytes of an ExportTraceServiceRequest given in OTLP/JSON form (ids in hex). */
export function encodeRequest(jsonForm: object): Uint8Array {
  const { request: type } = otlpTraceTypes();
  const message = type.fromObject(withIdBytes(jsonForm) as Record<string, unknown>);
  const problem = type.verify(message);
  if (problem) throw new Error(`the test request is not an ExportTraceServiceRequest: ${problem}`);
  return type.encode(message).finish();
}

/** Posts a body to a receiver's /v1/traces (or another path), gzipped when asked, as an OTLP exporter does. */
export function postTraces(
  url: string,
  body: Uint8Array | string,
  contentType: string,
  options: { gzip?: boolean; path?: string; method?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  // A copy in a Buffer of its own: fetch takes only bodies backed by a plain ArrayBuffer.
  const bytes = Buffer.from(body);
  return fetch(`${url}${options.path ?? '/v1/traces'}`, {
    method: options.method ?? 'POST',
    headers: { 'content-type': contentType, ...(options.gzip ? { 'content-encoding': 'gzip' } : {}), ...options.headers },
    body: options.gzip ? gzipSync(bytes) : bytes,
  });
}

/** A ReceivedSpan for the tree and format tests, which start from decoded spans: given fields, the rest neutral. */
export function receivedSpan(fields: Partial<ReceivedSpan> & { spanId: string; startMs?: number; durationMs?: number }): ReceivedSpan {
  const { startMs = 0, durationMs = 1, ...rest } = fields;
  const startNs = EPOCH_NS + BigInt(Math.round(startMs * 1e6));
  const endNs = startNs + BigInt(Math.round(durationMs * 1e6));
  return {
    traceId: 'a'.repeat(32),
    parentSpanId: undefined,
    name: `span ${fields.spanId}`,
    kind: 'INTERNAL',
    service: 'test',
    startNs,
    endNs,
    durationMs,
    attributes: {},
    events: [],
    links: [],
    status: { code: 'UNSET', message: '' },
    resource: {},
    scope: { name: 'test', version: '' },
    ...rest,
  };
}
