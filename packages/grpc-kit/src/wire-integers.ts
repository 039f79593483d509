import { status } from '@grpc/grpc-js';
import { RemoteError } from './status-mapping.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

// protobufjs does not refuse what an int32 or int64 field cannot hold: it wraps the number around (2^32 + 5
// arrives as 5) and drops fractions (1.5 arrives as 1), so a service would act on a number nobody asked for.
// Clients check such values before sending and refuse them with the status, code and field the service
// answers bad values with, so callers handle one kind of error.

function refuse(code: string, field: string, message: string): RemoteError {
  return new RemoteError('INVALID_ARGUMENT', code, message, field, status.INVALID_ARGUMENT);
}

/** `value` for an int32 field, or an INVALID_ARGUMENT RemoteError on `field` when it is not a whole int32. */
export function int32ForWire(value: number, field: string, code: string): number {
  if (!Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
    throw refuse(code, field, `${field} must be a whole number, got ${String(value).slice(0, 40)}`);
  }
  return value;
}

/** `value` as the decimal string of an int64 field, or an INVALID_ARGUMENT RemoteError on `field` when out of range. */
export function int64ForWire(value: bigint, field: string, code: string): string {
  if (typeof value !== 'bigint' || value < INT64_MIN || value > INT64_MAX) {
    throw refuse(code, field, `${field} is out of range, got ${String(value).slice(0, 40)}`);
  }
  return value.toString();
}
