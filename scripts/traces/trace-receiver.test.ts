import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { encodeRequest, jsonRequest, postTraces, type SpanSpec } from './otlp-fixtures.js';
import type { ReceivedSpan } from './received-span.js';
import { startTraceReceiver, type TraceReceiver } from './trace-receiver.js';
import type { FinishedTrace } from './trace-store.js';

const TRACE = '5b8efff798038103d269b633813fc60c';
const ROOT = 'eee19b7ec3c1b173';
const CHILD = 'eee19b7ec3c1b174';
const LINKED_TRACE = '0af7651916cd43dd8448eb211c80319c';
const LINKED_SPAN = 'b7ad6b7169203331';
const PROTOBUF = 'application/x-protobuf';
const JSON_TYPE = 'application/json';

// One export from two services, spelled as varied as OTLP/JSON allows: enums by name and by number, int64 as strings
// and as numbers, every kind of attribute value. encodeRequest turns the same object into protobuf.
const fullExport = {
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'gateway' } }] },
      scopeSpans: [
        {
          scope: { name: '@opentelemetry/instrumentation-http', version: '0.57.0' },
          spans: [
            {
              traceId: TRACE,
              spanId: ROOT,
              name: 'POST /graphql',
              kind: 2,
              startTimeUnixNano: '1700000000100000000',
              endTimeUnixNano: '1700000000130000000',
              attributes: [{ key: 'graphql.operation.name', value: { stringValue: 'PlaceOrder' } }],
              status: { code: 1 },
            },
          ],
        },
      ],
    },
    {
      resource: {
        attributes: [
          { key: 'service.name', value: { stringValue: 'order' } },
          { key: 'process.pid', value: { intValue: 4242 } },
        ],
      },
      scopeSpans: [
        {
          scope: { name: '@opentelemetry/instrumentation-grpc', version: '0.57.1' },
          spans: [
            {
              traceId: TRACE,
              spanId: CHILD,
              parentSpanId: ROOT,
              traceState: 'shop=1',
              name: 'shop.order.v1.OrderService/PlaceOrder',
              kind: 'SPAN_KIND_SERVER',
              startTimeUnixNano: '1700000000123456789',
              endTimeUnixNano: '1700000000125956789',
              attributes: [
                { key: 'rpc.method', value: { stringValue: 'PlaceOrder' } },
                { key: 'rpc.grpc.status_code', value: { intValue: 13 } },
                { key: 'past.double.precision', value: { intValue: '9007199254740993' } },
                { key: 'negative', value: { intValue: '-7' } },
                { key: 'retried', value: { boolValue: true } },
                { key: 'ratio', value: { doubleValue: 0.25 } },
                { key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: '2' }] } } },
                { key: 'cart', value: { kvlistValue: { values: [{ key: 'items', value: { intValue: '3' } }] } } },
                { key: 'blob', value: { bytesValue: 'AQID' } },
                { key: 'empty', value: {} },
              ],
              events: [{ name: 'exception', timeUnixNano: '1700000000124000000', attributes: [{ key: 'exception.message', value: { stringValue: 'boom' } }] }],
              links: [{ traceId: LINKED_TRACE, spanId: LINKED_SPAN, attributes: [{ key: 'messaging.system', value: { stringValue: 'nats' } }] }],
              status: { code: 'STATUS_CODE_ERROR', message: 'payment declined' },
            },
          ],
        },
      ],
    },
  ],
};

const expectedSpans: ReceivedSpan[] = [
  {
    traceId: TRACE,
    spanId: ROOT,
    parentSpanId: undefined,
    name: 'POST /graphql',
    kind: 'SERVER',
    service: 'gateway',
    startNs: 1_700_000_000_100_000_000n,
    endNs: 1_700_000_000_130_000_000n,
    durationMs: 30,
    attributes: { 'graphql.operation.name': 'PlaceOrder' },
    events: [],
    links: [],
    status: { code: 'OK', message: '' },
    resource: { 'service.name': 'gateway' },
    scope: { name: '@opentelemetry/instrumentation-http', version: '0.57.0' },
  },
  {
    traceId: TRACE,
    spanId: CHILD,
    parentSpanId: ROOT,
    name: 'shop.order.v1.OrderService/PlaceOrder',
    kind: 'SERVER',
    service: 'order',
    startNs: 1_700_000_000_123_456_789n,
    endNs: 1_700_000_000_125_956_789n,
    durationMs: 2.5,
    attributes: {
      'rpc.method': 'PlaceOrder',
      'rpc.grpc.status_code': 13,
      'past.double.precision': 9_007_199_254_740_993n,
      negative: -7,
      retried: true,
      ratio: 0.25,
      tags: ['a', 2],
      cart: { items: 3 },
      blob: new Uint8Array([1, 2, 3]),
      empty: null,
    },
    events: [{ name: 'exception', timeNs: 1_700_000_000_124_000_000n, attributes: { 'exception.message': 'boom' } }],
    links: [{ traceId: LINKED_TRACE, spanId: LINKED_SPAN, attributes: { 'messaging.system': 'nats' } }],
    status: { code: 'ERROR', message: 'payment declined' },
    resource: { 'service.name': 'order', 'process.pid': 4242 },
    scope: { name: '@opentelemetry/instrumentation-grpc', version: '0.57.1' },
  },
];

/** Waits for a condition with a generous limit: the machine may be slow, so no assertion is about time. */
async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const span = (traceId: string, spanId: string, name: string, startMs: number, parentSpanId?: string): SpanSpec => ({ traceId, spanId, parentSpanId, name, startMs, durationMs: 1 });

describe('startTraceReceiver', () => {
  const started: TraceReceiver[] = [];
  const start = async (options: Parameters<typeof startTraceReceiver>[0] = {}) => {
    const receiver = await startTraceReceiver({ quietMs: 60_000, ...options });
    started.push(receiver);
    return receiver;
  };
  afterAll(async () => {
    await Promise.all(started.map((receiver) => receiver.close()));
  });

  it('listens on 127.0.0.1 and a free port when given port 0', async () => {
    const receiver = await start({ port: 0 });
    expect(receiver.port).toBeGreaterThan(0);
    expect(receiver.url).toBe(`http://127.0.0.1:${receiver.port}`);
  });

  describe.each([
    ['protobuf', PROTOBUF, false],
    ['protobuf, gzipped', PROTOBUF, true],
    ['JSON', JSON_TYPE, false],
    ['JSON, gzipped', JSON_TYPE, true],
  ])('an export in %s', (_label, contentType, gzip) => {
    let receiver: TraceReceiver;
    let response: Response;
    beforeAll(async () => {
      receiver = await start();
      const body = contentType === PROTOBUF ? encodeRequest(fullExport) : JSON.stringify(fullExport);
      response = await postTraces(receiver.url, body, contentType, { gzip });
    });

    it('is answered with an empty ExportTraceServiceResponse in the same encoding', async () => {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(contentType);
      const reply = Buffer.from(await response.arrayBuffer());
      expect(contentType === PROTOBUF ? reply.length : JSON.parse(reply.toString())).toEqual(contentType === PROTOBUF ? 0 : {});
    });

    it('yields spans with hex ids, nanosecond bigints, attributes, events, links, status, resource and scope', async () => {
      await receiver.waitForSpans((spans) => spans.length === 2, 10_000);
      expect(receiver.trace(TRACE)).toEqual(expectedSpans);
      expect(receiver.trace(TRACE.toUpperCase())).toHaveLength(2);
      expect(receiver.spans()).toEqual(expectedSpans);
    });
  });

  it('reports a trace sent in one export as finished once it goes quiet, all spans together by start time', async () => {
    const reported: FinishedTrace[] = [];
    const receiver = await start({ quietMs: 100, onTrace: (trace) => reported.push(trace) });
    const trace = 'a'.repeat(32);
    await postTraces(receiver.url, JSON.stringify(jsonRequest('catalog', [span(trace, '2'.repeat(16), 'child', 5, '1'.repeat(16)), span(trace, '1'.repeat(16), 'root', 0)])), JSON_TYPE);
    await until(() => reported.length > 0, 'the trace is reported');
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ traceId: trace, lateSpans: 0 });
    expect(reported[0]!.spans.map((item) => item.name)).toEqual(['root', 'child']);
  });

  it('reports each trace on its own, and a trace again, whole, when a span of it arrives after its report', async () => {
    const reported: FinishedTrace[] = [];
    const receiver = await start({ quietMs: 100, onTrace: (trace) => reported.push(trace) });
    const [first, second] = ['b'.repeat(32), 'c'.repeat(32)];
    await postTraces(receiver.url, encodeRequest(jsonRequest('order', [span(first, '1'.repeat(16), 'first root', 0), span(second, '3'.repeat(16), 'second root', 0)])), PROTOBUF);
    await until(() => reported.length === 2, 'both traces are reported');
    expect(reported.map((trace) => trace.traceId).sort()).toEqual([first, second]);

    await postTraces(receiver.url, encodeRequest(jsonRequest('order', [span(first, '2'.repeat(16), 'late child', 3, '1'.repeat(16))])), PROTOBUF);
    await until(() => reported.length === 3, 'the first trace is reported again');
    expect(reported[2]).toMatchObject({ traceId: first, lateSpans: 1 });
    expect(reported[2]!.spans.map((item) => item.name)).toEqual(['first root', 'late child']);
  });

  it('counts a span sent twice (an exporter retrying) once', async () => {
    const receiver = await start();
    const body = JSON.stringify(jsonRequest('order', [span('d'.repeat(32), '1'.repeat(16), 'once', 0)]));
    await postTraces(receiver.url, body, JSON_TYPE);
    await postTraces(receiver.url, body, JSON_TYPE);
    expect(receiver.spans()).toHaveLength(1);
  });

  it('reports the traces still inside their quiet period on close, and fails waits that can no longer be met', async () => {
    const reported: FinishedTrace[] = [];
    const receiver = await startTraceReceiver({ quietMs: 60_000, onTrace: (trace) => reported.push(trace) });
    await postTraces(receiver.url, JSON.stringify(jsonRequest('account', [span('e'.repeat(32), '1'.repeat(16), 'pending', 0)])), JSON_TYPE);
    const waiting = receiver.waitForSpans(() => false, 60_000);
    await receiver.close();
    expect(reported.map((trace) => trace.spans.map((item) => item.name))).toEqual([['pending']]);
    await expect(waiting).rejects.toThrow('the trace receiver closed before the condition held; 1 span received: account pending');
  });

  it('rejects a wait that times out, listing the spans that did arrive', async () => {
    const receiver = await start();
    await postTraces(receiver.url, JSON.stringify(jsonRequest('catalog', [span('f'.repeat(32), '1'.repeat(16), 'ListProducts', 0)])), JSON_TYPE);
    await expect(receiver.waitForSpans((spans) => spans.some((item) => item.name === 'never'), 50)).rejects.toThrow(
      'waitForSpans: the condition did not hold within 50 ms; 1 span received: catalog ListProducts',
    );
  });

  describe('hostile and mistaken requests', () => {
    let receiver: TraceReceiver;
    beforeAll(async () => {
      receiver = await start();
    });

    /** An AnyValue nested `depth` arrays deep, as raw protobuf: protobufjs itself would recurse to encode it. */
    function deepAnyValueBytes(depth: number): Buffer {
      const lengthDelimited = (field: number, bytes: Buffer) => {
        const varint: number[] = [];
        for (let length = bytes.length; ; length >>>= 7) {
          if (length < 0x80) {
            varint.push(length);
            break;
          }
          varint.push((length & 0x7f) | 0x80);
        }
        return Buffer.concat([Buffer.from([(field << 3) | 2, ...varint]), bytes]);
      };
      let value = Buffer.alloc(0);
      for (let level = 0; level < depth; level++) value = lengthDelimited(5, lengthDelimited(1, value));
      // ExportTraceServiceRequest.resource_spans[0].scope_spans[0].spans[0] = { trace_id, span_id, attributes: [{ key, value }] }.
      const keyValue = Buffer.concat([lengthDelimited(1, Buffer.from('deep')), lengthDelimited(2, value)]);
      const spanBytes = Buffer.concat([lengthDelimited(1, Buffer.alloc(16, 1)), lengthDelimited(2, Buffer.alloc(8, 1)), lengthDelimited(9, keyValue)]);
      return lengthDelimited(1, lengthDelimited(2, lengthDelimited(2, spanBytes)));
    }

    const validSpan = (name: string) => jsonRequest('order', [span('9'.repeat(32), '8'.repeat(16), name, 0)]);
    const deepJson = `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"${'9'.repeat(32)}","spanId":"${'8'.repeat(16)}","attributes":[{"key":"deep","value":${'{"arrayValue":{"values":['.repeat(100_000)}${']}}'.repeat(100_000)}}]}]}]}]}`;

    it.each([
      ['garbage protobuf', PROTOBUF, Buffer.from('this is not protobuf at all, just text \xff\xfe'), 'not an ExportTraceServiceRequest in protobuf'],
      ['truncated protobuf', PROTOBUF, Buffer.from(encodeRequest(validSpan('cut'))).subarray(0, 30), 'not an ExportTraceServiceRequest in protobuf'],
      ['protobuf whose attribute values nest 5000 deep', PROTOBUF, deepAnyValueBytes(5000), ''],
      ['text that is not JSON', JSON_TYPE, '{"resourceSpans": [', 'not JSON'],
      ['JSON of the wrong shape', JSON_TYPE, '{"resourceSpans": 5}', 'body.resourceSpans: expected an array, got number 5'],
      ['JSON that is not an object', JSON_TYPE, '[]', 'body: expected an ExportTraceServiceRequest object, got an array'],
      ['JSON whose attribute values nest 100 000 deep', JSON_TYPE, deepJson, ''],
      [
        'a span id of the wrong length',
        JSON_TYPE,
        JSON.stringify(jsonRequest('order', [span('9'.repeat(32), '8'.repeat(10), 'short id', 0)])),
        'body.resourceSpans[0].scopeSpans[0].spans[0].spanId: expected 16 hex digits, got the string "8888888888"',
      ],
    ])('answers %s with 400 and a short message, and keeps working', async (_label, contentType, body, message) => {
      const response = await postTraces(receiver.url, body, contentType);
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).toContain(message);
      expect(text.length).toBeLessThan(400);
      expect((await postTraces(receiver.url, JSON.stringify(validSpan('after')), JSON_TYPE)).status).toBe(200);
    });

    it('answers a body that is not gzip, though it says so, with 400', async () => {
      const response = await postTraces(receiver.url, Buffer.from('not gzip'), JSON_TYPE, { headers: { 'content-encoding': 'gzip' } });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('the body is not valid gzip');
    });

    it('answers a body over 16 MiB with 413', async () => {
      const response = await postTraces(receiver.url, Buffer.alloc(16 * 1024 * 1024 + 1, 0x20), JSON_TYPE);
      expect(response.status).toBe(413);
      expect(await response.text()).toContain('over the limit of 16777216 bytes');
    });

    it('answers a small gzip body that inflates past the limit with 413', async () => {
      const bomb = gzipSync(Buffer.alloc(17 * 1024 * 1024, 0x20));
      const response = await postTraces(receiver.url, bomb, JSON_TYPE, { headers: { 'content-encoding': 'gzip' } });
      expect(response.status).toBe(413);
      expect(await response.text()).toContain('inflates to more than the limit');
    });

    it.each([
      ['another path', { path: '/v1/metrics' }, 'text/plain', 404, 'this receiver takes traces only'],
      ['another method', { method: 'PUT' }, JSON_TYPE, 405, '/v1/traces takes POST, not PUT'],
      ['another content type', {}, 'text/plain', 415, 'Content-Type text/plain is not OTLP'],
      ['another content encoding', { headers: { 'content-encoding': 'br' } }, JSON_TYPE, 415, 'Content-Encoding br is not supported'],
    ])('answers %s with its status', async (_label, options, contentType, status, message) => {
      const response = await postTraces(receiver.url, '{}', contentType, options);
      expect(response.status).toBe(status);
      expect(await response.text()).toContain(message);
      if (status === 405) expect(response.headers.get('allow')).toBe('POST');
    });

    it('answers GET with 405, and still takes spans after everything above', async () => {
      const response = await fetch(`${receiver.url}/v1/traces`);
      expect(response.status).toBe(405);
      await response.text();
      expect((await postTraces(receiver.url, encodeRequest(validSpan('still here')), PROTOBUF)).status).toBe(200);
      await receiver.waitForSpans((spans) => spans.some((item) => item.name === 'still here'), 10_000);
    });
  });
});
