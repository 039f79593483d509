// Turns an ExportTraceServiceRequest, as protobufjs's toObject or JSON.parse leaves it, into ReceivedSpans. One
// reader serves both encodings because OTLP/JSON is the protobuf JSON mapping of the same messages: the field names
// are the same lowerCamelCase, and what differs is only how some values are spelled (ids as bytes or hex, int64 as
// strings or numbers, enums as numbers or names), which each reader below accepts in every spelling. Nothing about
// the input is trusted: whatever is not what OTLP allows becomes an OtlpPayloadError naming the field.
import type { AttributeValue, Attributes, ReceivedSpan, SpanEvent, SpanKindName, SpanLink, StatusCodeName } from './received-span.js';

/** A request body that is not a valid OTLP trace export; the receiver answers it with 400 and this message. */
export class OtlpPayloadError extends Error {
  override name = 'OtlpPayloadError';
}

type Message = Record<string, unknown>;

const SPAN_KINDS: SpanKindName[] = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS_CODES: StatusCodeName[] = ['UNSET', 'OK', 'ERROR'];
const TRACE_ID_BYTES = 16;
const SPAN_ID_BYTES = 8;
// Attribute values nest (arrays, key-value lists); a hostile body could nest them until the stack runs out.
const MAX_VALUE_DEPTH = 32;
const MAX_UINT64 = 2n ** 64n - 1n;
const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

function fail(path: string, problem: string): never {
  // Deeply nested values make long paths; the start and the end of one are what locate the problem.
  const shownPath = path.length > 160 ? `${path.slice(0, 80)}...${path.slice(-80)}` : path;
  throw new OtlpPayloadError(`${shownPath}: ${problem}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function message(value: unknown, path: string): Message | undefined {
  if (value === undefined || value === null) return undefined;
  return isMessage(value) ? value : fail(path, `expected an object, got ${describe(value)}`);
}

/** A field by its lowerCamelCase JSON name or, as protobuf JSON parsers also accept, its snake_case proto name. */
function field(object: Message, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name];
  const protoName = name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return Object.hasOwn(object, protoName) ? object[protoName] : undefined;
}

function list(object: Message, name: string, path: string): unknown[] {
  const value = field(object, name);
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : fail(`${path}.${name}`, `expected an array, got ${describe(value)}`);
}

function text(object: Message, name: string, path: string): string {
  const value = field(object, name);
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : fail(`${path}.${name}`, `expected a string, got ${describe(value)}`);
}

function base64Bytes(value: string, path: string): Uint8Array {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) fail(path, `expected base64, got ${describe(value)}`);
  return new Uint8Array(Buffer.from(value, 'base64'));
}

/**
 * A trace or span id as lowercase hex. Protobuf brings bytes; OTLP/JSON brings hex (as the spec says) or, from
 * exporters older than that rule, base64: the two never have the same length for 8 or 16 bytes, so both are read.
 */
function id(value: unknown, size: number, path: string, required: boolean): string | undefined {
  let hex: string;
  if (value === undefined || value === null || value === '' || (value instanceof Uint8Array && value.length === 0)) {
    return required ? fail(path, 'missing') : undefined;
  } else if (value instanceof Uint8Array) {
    if (value.length !== size) fail(path, `expected ${size} bytes, got ${value.length}`);
    hex = Buffer.from(value.buffer, value.byteOffset, value.length).toString('hex');
  } else if (typeof value === 'string' && value.length === size * 2 && /^[0-9a-fA-F]+$/.test(value)) {
    hex = value.toLowerCase();
  } else if (typeof value === 'string' && value.length === Math.ceil(size / 3) * 4) {
    const bytes = base64Bytes(value, path);
    if (bytes.length !== size) fail(path, `expected ${size * 2} hex digits, got ${describe(value)}`);
    hex = Buffer.from(bytes).toString('hex');
  } else {
    return fail(path, `expected ${size * 2} hex digits, got ${describe(value)}`);
  }
  // OTLP calls an all-zero id invalid; for a parent it can only mean "no parent".
  if (/^0+$/.test(hex)) return required ? fail(path, 'is all zeros, which OTLP calls invalid') : undefined;
  return hex;
}

/** Whether a value is protobufjs's LongBits ({ low, high } 32-bit halves), which some OTel JS versions put in JSON. */
function isLongBits(value: unknown): value is { low: number; high: number } {
  return isMessage(value) && Number.isInteger(value.low) && Number.isInteger(value.high);
}

function integer(value: unknown, path: string, min: bigint, max: bigint): bigint {
  let parsed: bigint;
  if (typeof value === 'number' && Number.isInteger(value)) parsed = BigInt(value);
  else if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) parsed = BigInt(value);
  else if (isLongBits(value)) {
    const bits = (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
    parsed = min < 0n ? BigInt.asIntN(64, bits) : bits;
  } else return fail(path, `expected an integer, got ${describe(value)}`);
  return parsed >= min && parsed <= max ? parsed : fail(path, `${parsed} is out of range`);
}

function nanos(object: Message, name: string, path: string): bigint {
  const value = field(object, name);
  return value === undefined || value === null ? 0n : integer(value, `${path}.${name}`, 0n, MAX_UINT64);
}

function enumName<T extends string>(value: unknown, names: T[], prefix: string, path: string): T {
  if (value === undefined || value === null) return names[0]!;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  // Proto3 enums are open: a number from a newer spec is not an error, just not one this receiver can name.
  if (typeof number === 'number' && Number.isInteger(number)) return names[number] ?? names[0]!;
  const name = typeof value === 'string' && value.startsWith(prefix) ? value.slice(prefix.length) : undefined;
  return names.find((known) => known === name) ?? fail(path, `expected a ${prefix}* name or number, got ${describe(value)}`);
}

function double(value: unknown, path: string): number {
  if (typeof value === 'number') return value;
  // The protobuf JSON mapping spells the special values as strings, and allows any number as a string.
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (value === 'NaN') return Number.NaN;
  return fail(path, `expected a number, got ${describe(value)}`);
}

function anyValue(value: unknown, path: string, depth: number): AttributeValue {
  if (depth > MAX_VALUE_DEPTH) fail(path, `attribute values nest deeper than ${MAX_VALUE_DEPTH} levels`);
  const any = message(value, path);
  if (!any) return null;
  const stringValue = field(any, 'stringValue');
  if (stringValue !== undefined && stringValue !== null) {
    return typeof stringValue === 'string' ? stringValue : fail(`${path}.stringValue`, `expected a string, got ${describe(stringValue)}`);
  }
  const boolValue = field(any, 'boolValue');
  if (boolValue !== undefined && boolValue !== null) {
    return typeof boolValue === 'boolean' ? boolValue : fail(`${path}.boolValue`, `expected true or false, got ${describe(boolValue)}`);
  }
  const intValue = field(any, 'intValue');
  if (intValue !== undefined && intValue !== null) {
    const parsed = integer(intValue, `${path}.intValue`, MIN_INT64, MAX_INT64);
    return parsed >= BigInt(Number.MIN_SAFE_INTEGER) && parsed <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(parsed) : parsed;
  }
  const doubleValue = field(any, 'doubleValue');
  if (doubleValue !== undefined && doubleValue !== null) return double(doubleValue, `${path}.doubleValue`);
  const arrayValue = message(field(any, 'arrayValue'), `${path}.arrayValue`);
  if (arrayValue) {
    return list(arrayValue, 'values', `${path}.arrayValue`).map((item, index) => anyValue(item, `${path}.arrayValue.values[${index}]`, depth + 1));
  }
  const kvlistValue = message(field(any, 'kvlistValue'), `${path}.kvlistValue`);
  if (kvlistValue) return attributes(list(kvlistValue, 'values', `${path}.kvlistValue`), `${path}.kvlistValue.values`, depth + 1);
  const bytesValue = field(any, 'bytesValue');
  if (bytesValue instanceof Uint8Array) return new Uint8Array(bytesValue);
  if (typeof bytesValue === 'string') return base64Bytes(bytesValue, `${path}.bytesValue`);
  if (bytesValue !== undefined && bytesValue !== null) fail(`${path}.bytesValue`, `expected base64, got ${describe(bytesValue)}`);
  // An AnyValue with no value set is allowed: it stands for an empty value.
  return null;
}

function attributes(keyValues: unknown[], path: string, depth = 0): Attributes {
  // fromEntries defines own properties, so a key such as "__proto__" stays a key and never reaches the prototype.
  return Object.fromEntries(
    keyValues.map((item, index) => {
      const keyValue = message(item, `${path}[${index}]`) ?? fail(`${path}[${index}]`, 'expected a KeyValue, got null');
      return [text(keyValue, 'key', `${path}[${index}]`), anyValue(field(keyValue, 'value'), `${path}[${index}].value`, depth)];
    }),
  );
}

function messageList(object: Message, name: string, path: string): [Message, string][] {
  return list(object, name, path).map((item, index) => {
    const itemPath = `${path}.${name}[${index}]`;
    return [message(item, itemPath) ?? fail(itemPath, 'expected an object, got null'), itemPath];
  });
}

function link(object: Message, path: string): SpanLink {
  return {
    traceId: id(field(object, 'traceId'), TRACE_ID_BYTES, `${path}.traceId`, true)!,
    spanId: id(field(object, 'spanId'), SPAN_ID_BYTES, `${path}.spanId`, true)!,
    attributes: attributes(list(object, 'attributes', path), `${path}.attributes`),
  };
}

function event(object: Message, path: string): SpanEvent {
  return { name: text(object, 'name', path), timeNs: nanos(object, 'timeUnixNano', path), attributes: attributes(list(object, 'attributes', path), `${path}.attributes`) };
}

function span(object: Message, path: string, resource: Attributes, scope: ReceivedSpan['scope']): ReceivedSpan {
  const startNs = nanos(object, 'startTimeUnixNano', path);
  const endNs = nanos(object, 'endTimeUnixNano', path);
  const status = message(field(object, 'status'), `${path}.status`) ?? {};
  const serviceName = resource['service.name'];
  return {
    traceId: id(field(object, 'traceId'), TRACE_ID_BYTES, `${path}.traceId`, true)!,
    spanId: id(field(object, 'spanId'), SPAN_ID_BYTES, `${path}.spanId`, true)!,
    parentSpanId: id(field(object, 'parentSpanId'), SPAN_ID_BYTES, `${path}.parentSpanId`, false),
    name: text(object, 'name', path),
    kind: enumName(field(object, 'kind'), SPAN_KINDS, 'SPAN_KIND_', `${path}.kind`),
    service: typeof serviceName === 'string' && serviceName !== '' ? serviceName : 'unknown_service',
    startNs,
    endNs,
    durationMs: Number(endNs - startNs) / 1e6,
    attributes: attributes(list(object, 'attributes', path), `${path}.attributes`),
    events: messageList(object, 'events', path).map(([item, itemPath]) => event(item, itemPath)),
    links: messageList(object, 'links', path).map(([item, itemPath]) => link(item, itemPath)),
    status: { code: enumName(field(status, 'code'), STATUS_CODES, 'STATUS_CODE_', `${path}.status.code`), message: text(status, 'message', `${path}.status`) },
    resource,
    scope,
  };
}

/** Every span of an ExportTraceServiceRequest object (from either encoding), or an OtlpPayloadError naming what is wrong. */
export function normaliseExportRequest(request: unknown): ReceivedSpan[] {
  const root = isMessage(request) ? request : fail('body', `expected an ExportTraceServiceRequest object, got ${describe(request)}`);
  return messageList(root, 'resourceSpans', 'body').flatMap(([resourceSpans, resourcePath]) => {
    const resourceMessage = message(field(resourceSpans, 'resource'), `${resourcePath}.resource`) ?? {};
    const resource = attributes(list(resourceMessage, 'attributes', `${resourcePath}.resource`), `${resourcePath}.resource.attributes`);
    return messageList(resourceSpans, 'scopeSpans', resourcePath).flatMap(([scopeSpans, scopePath]) => {
      const scopeMessage = message(field(scopeSpans, 'scope'), `${scopePath}.scope`) ?? {};
      const scope = { name: text(scopeMessage, 'name', `${scopePath}.scope`), version: text(scopeMessage, 'version', `${scopePath}.scope`) };
      return messageList(scopeSpans, 'spans', scopePath).map(([item, spanPath]) => span(item, spanPath, resource, scope));
    });
  });
}
