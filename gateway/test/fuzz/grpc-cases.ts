import fc from 'fast-check';
import type { Principal } from './graphql-cases.js';
import type { FieldShape, MessageShape, MethodShape } from './grpc-shapes.js';
import type { FuzzValue } from './fuzz-value.js';
import { plausibleValue, SELDOM_SENT } from './plausible-values.js';
import {
  anyValue,
  currencyValue,
  emailString,
  hostileString,
  idempotencyKeyValue,
  idValue,
  intValue,
  nameString,
  pageTokenValue,
  passwordString,
  searchValue,
} from './hostile-values.js';

// Direct gRPC calls to every method of the three services: request objects of random field values (serialised by
// the service's own protobuf definitions, which coerce what the typed clients would refuse: 2^31 wraps, strings
// become numbers), and now and then raw bytes that are not a valid message of the method at all.

/** A call to one method, as whom, with a request object or raw bytes (hex). */
export interface GrpcCase {
  kind: 'grpc';
  service: MethodShape['service'];
  method: string;
  as: Principal;
  request: { object: FuzzValue } | { bytes: string };
}

const weighted = <T>(...entries: [number, fc.Arbitrary<T>][]): fc.Arbitrary<T> => fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));

/** Int64 values as protobufjs takes them: decimal strings at and past the limits, and junk it may refuse. */
const int64Value: fc.Arbitrary<FuzzValue> = weighted<FuzzValue>(
  [3, intValue],
  [3, fc.constantFrom('9223372036854775807', '-9223372036854775808', '9223372036854775808', '99999999999999999999', '999', '-1', '0', '1e3', 'abc', ' 12')],
  [1, fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String)],
);

/** Raw request bytes: random, and crafted wire-format mistakes (bad UTF-8, overlong varints, lying lengths, groups). */
const rawBytes: fc.Arbitrary<string> = weighted(
  [2, fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('hex'))],
  [
    3,
    fc.constantFrom(
      '0a02fffe', // field 1, a string of invalid UTF-8
      '0a03c0afe0', // overlong and cut UTF-8 sequences
      '08ffffffffffffffffffff01', // an 11-byte varint
      '0a10616263', // a length longer than the message
      '0affffffff0f', // a 4 GB length
      '0801', // a varint where a string goes
      '0b'.repeat(500), // 500 nested start-group tags
      '0c', // an end-group tag with no start
      '1a0b0a09ffffffffffffffff7f', // a nested message holding a varint where its string goes
      '', // an empty message
      'f8ffffff0f01', // the largest field number
      '0000', // field number 0
    ),
  ],
);

/** The arbitraries of calls to these methods. */
export function grpcCase(methods: readonly MethodShape[]): fc.Arbitrary<GrpcCase> {
  return fc.oneof(
    ...methods.map((shape) =>
      fc.record({
        kind: fc.constant('grpc' as const),
        service: fc.constant(shape.service),
        method: fc.constant(shape.method),
        as: weighted<Principal>([2, fc.constant('anonymous')], [3, fc.constant('customer')], [4, fc.constant('admin')], [1, fc.constant('bad-token')]),
        request: weighted<GrpcCase['request']>(
          [12, messageValue(shape.request, shape.service, 0, true).map((object) => ({ object }))],
          [8, messageValue(shape.request, shape.service, 0, false).map((object) => ({ object }))],
          [1, rawBytes.map((bytes) => ({ bytes }))],
        ),
      }),
    ),
  );
}

/** A request object; a plausible one holds values a client would send, one in five hostile. */
function messageValue(shape: MessageShape, service: MethodShape['service'], depth: number, plausible: boolean): fc.Arbitrary<FuzzValue> {
  const fields = shape.fields.map((field) =>
    weighted<[string, FuzzValue] | null>(
      [plausible ? (SELDOM_SENT.has(field.name) ? 1 : 8) : 3, fieldValue(field, service, depth, plausible).map((value): [string, FuzzValue] => [field.name, value])],
      [plausible && SELDOM_SENT.has(field.name) ? 4 : 1, fc.constant(null)],
    ),
  );
  return fc.tuple(...fields).map((entries) => Object.fromEntries(entries.filter((entry): entry is [string, FuzzValue] => entry !== null)));
}

function fieldValue(field: FieldShape, service: MethodShape['service'], depth: number, plausible: boolean): fc.Arbitrary<FuzzValue> {
  const hostile = singleValue(field, service, depth, plausible);
  const wanted = plausible ? plausibleValue(field.name, field.kind, ID_KINDS_OF_SERVICE[service]) : undefined;
  const one = wanted ? weighted([4, wanted], [1, hostile]) : hostile;
  if (plausible && field.repeated) return weighted<FuzzValue>([8, fc.array(one, { minLength: 1, maxLength: 3 })], [1, fc.array(one, { maxLength: 120 })]);
  if (plausible) return one;
  if (!field.repeated) return weighted([12, one], [1, anyValue]);
  return weighted<FuzzValue>(
    [8, fc.array(one, { maxLength: 4 })],
    [2, fc.array(one, { minLength: 99, maxLength: 120 })],
    [1, fc.tuple(one, fc.constantFrom(1_000, 10_000)).map(([value, count]) => Array.from({ length: count }, () => value))],
    [1, anyValue],
  );
}

function singleValue(field: FieldShape, service: MethodShape['service'], depth: number, plausible: boolean): fc.Arbitrary<FuzzValue> {
  switch (field.kind) {
    case 'message':
      return field.message && depth < 3 ? weighted([8, messageValue(field.message, service, depth + 1, plausible)], [1, fc.constant(null)]) : fc.constant(null);
    case 'enum':
      return weighted<FuzzValue>([plausible ? 20 : 4, fc.constantFrom(...field.enumValues.filter((value) => !plausible || !value.endsWith('UNSPECIFIED')))], [1, fc.constantFrom(0, 1, 2, 99, -1, 'admin', 'NOPE')]);
    case 'bool':
      return fc.boolean();
    case 'int32':
      return intValue;
    case 'int64':
      return int64Value;
    case 'string':
      return stringValue(field.name, service);
  }
}

function stringValue(name: string, service: MethodShape['service']): fc.Arbitrary<FuzzValue> {
  switch (name) {
    case 'id':
    case 'aggregateIds':
    case 'aggregateId':
    case 'ids':
      return idValue(ID_KINDS_OF_SERVICE[service]);
    case 'accountId':
      return idValue(['customerId', 'otherCustomerId']);
    case 'productId':
      return idValue(['productId', 'deletedProductId']);
    case 'pageToken':
      return pageTokenValue;
    case 'email':
      return emailString;
    case 'password':
    case 'currentPassword':
    case 'newPassword':
      return passwordString;
    case 'query':
      return searchValue;
    case 'name':
    case 'description':
      return nameString;
    case 'currencyCode':
      return currencyValue;
    case 'idempotencyKey':
    case 'requestId':
      return idempotencyKeyValue;
    default:
      return hostileString;
  }
}

const ID_KINDS_OF_SERVICE: Record<MethodShape['service'], Parameters<typeof idValue>[0]> = {
  account: ['customerId', 'otherCustomerId', 'customerId', 'productId'],
  catalog: ['productId', 'deletedProductId', 'productId', 'customerOrderId'],
  order: ['customerOrderId', 'otherOrderId', 'customerOrderId', 'customerId'],
};
