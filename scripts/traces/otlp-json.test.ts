import { describe, expect, it } from '@jest/globals';
import { decodeJsonRequest } from './otlp-json.js';

const TRACE = '5b8efff798038103d269b633813fc60c';
const SPAN = 'eee19b7ec3c1b174';

/** An OTLP/JSON body with one span whose fields are `span` (plus ids unless given). */
const body = (span: Record<string, unknown>, resourceAttributes: unknown[] = [{ key: 'service.name', value: { stringValue: 'order' } }]) =>
  JSON.stringify({ resourceSpans: [{ resource: { attributes: resourceAttributes }, scopeSpans: [{ spans: [{ traceId: TRACE, spanId: SPAN, ...span }] }] }] });

const only = (json: string) => {
  const spans = decodeJsonRequest(json);
  expect(spans).toHaveLength(1);
  return spans[0]!;
};

describe('decodeJsonRequest', () => {
  it('takes an empty request, and one without spans', () => {
    expect(decodeJsonRequest('{}')).toEqual([]);
    expect(decodeJsonRequest('{"resourceSpans":[{"scopeSpans":[{"spans":[]}]}]}')).toEqual([]);
  });

  it('reads proto field names as well as JSON names, as protobuf JSON parsers do', () => {
    const json = JSON.stringify({
      resource_spans: [{ scope_spans: [{ spans: [{ trace_id: TRACE, span_id: SPAN, parent_span_id: 'aaaaaaaaaaaaaaaa', start_time_unix_nano: 5, end_time_unix_nano: '7' }] }] }],
    });
    expect(only(json)).toMatchObject({ traceId: TRACE, spanId: SPAN, parentSpanId: 'aaaaaaaaaaaaaaaa', startNs: 5n, endNs: 7n, service: 'unknown_service' });
  });

  it('reads ids in upper-case hex and in base64 (older exporters), and an all-zero parent as no parent', () => {
    expect(only(body({ traceId: TRACE.toUpperCase(), parentSpanId: '0000000000000000' }))).toMatchObject({ traceId: TRACE, parentSpanId: undefined });
    const base64 = { traceId: Buffer.from(TRACE, 'hex').toString('base64'), spanId: Buffer.from(SPAN, 'hex').toString('base64') };
    expect(only(body(base64))).toMatchObject({ traceId: TRACE, spanId: SPAN });
  });

  it('reads enums as names, numbers and numeric strings; an unknown number is unspecified, an unknown name an error', () => {
    expect(only(body({ kind: 'SPAN_KIND_PRODUCER', status: { code: 'STATUS_CODE_OK' } }))).toMatchObject({ kind: 'PRODUCER', status: { code: 'OK' } });
    expect(only(body({ kind: '3', status: { code: 2 } }))).toMatchObject({ kind: 'CLIENT', status: { code: 'ERROR' } });
    expect(only(body({ kind: 42 }))).toMatchObject({ kind: 'UNSPECIFIED', status: { code: 'UNSET', message: '' } });
    expect(() => decodeJsonRequest(body({ kind: 'SERVER' }))).toThrow('spans[0].kind: expected a SPAN_KIND_* name or number, got the string "SERVER"');
  });

  it('reads int64 as protobufjs LongBits objects, which some OTel JS versions wrote into JSON', () => {
    const nanos = 1_700_000_000_123_456_789n;
    const longBits = (value: bigint) => ({ low: Number(BigInt.asIntN(32, value)), high: Number(BigInt.asIntN(32, value >> 32n)) });
    const span = only(body({ startTimeUnixNano: longBits(nanos), attributes: [{ key: 'n', value: { intValue: longBits(BigInt.asUintN(64, -5n)) } }] }));
    expect(span.startNs).toBe(nanos);
    expect(span.attributes).toEqual({ n: -5 });
  });

  it('reads doubles spelled as strings, including the special values', () => {
    const attributes = ['NaN', 'Infinity', '-Infinity', '1.5'].map((value, index) => ({ key: `d${index}`, value: { doubleValue: value } }));
    expect(only(body({ attributes })).attributes).toEqual({ d0: Number.NaN, d1: Number.POSITIVE_INFINITY, d2: Number.NEGATIVE_INFINITY, d3: 1.5 });
  });

  it('keeps an attribute named __proto__ as an attribute', () => {
    const span = only(body({ attributes: [{ key: '__proto__', value: { stringValue: 'polluted?' } }] }));
    expect(Object.getPrototypeOf(span.attributes)).toBe(Object.prototype);
    expect(Object.hasOwn(span.attributes, '__proto__')).toBe(true);
  });

  it.each([
    ['an all-zero trace id', { traceId: '0'.repeat(32) }, 'spans[0].traceId: is all zeros, which OTLP calls invalid'],
    ['a missing span id', { spanId: undefined }, 'spans[0].spanId: missing'],
    ['a negative time', { startTimeUnixNano: '-1' }, 'spans[0].startTimeUnixNano: -1 is out of range'],
    ['a fractional time', { endTimeUnixNano: 1.5 }, 'spans[0].endTimeUnixNano: expected an integer, got number 1.5'],
    ['an int64 out of range', { attributes: [{ key: 'n', value: { intValue: '9223372036854775808' } }] }, 'spans[0].attributes[0].value.intValue: 9223372036854775808 is out of range'],
    ['a name that is not a string', { name: 7 }, 'spans[0].name: expected a string, got number 7'],
    ['a bool that is a string', { attributes: [{ key: 'b', value: { boolValue: 'yes' } }] }, 'spans[0].attributes[0].value.boolValue: expected true or false, got the string "yes"'],
    ['a link without a trace id', { links: [{ spanId: SPAN }] }, 'spans[0].links[0].traceId: missing'],
  ])('refuses %s, naming the field', (_label, span, message) => {
    expect(() => decodeJsonRequest(body(span))).toThrow(`body.resourceSpans[0].scopeSpans[0].${message}`);
  });
});
