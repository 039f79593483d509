import { ValidationError } from '@shop/errors';
import { parseId } from '@shop/ids';
import { GatewayErrorCode } from './input-error-codes.js';

/** Page size when the client gives none, as the schema's `first: Int = 20` says. */
export const DEFAULT_FIRST = 20;
/** The largest page a client may ask for (API.md: `first` 1..100). */
export const MAX_FIRST = 100;

/** Checks an id argument before it reaches a service: a UUID (returned lower-cased), else BAD_USER_INPUT naming `field`. */
export function requireId(value: string, field: string): string {
  return parseId(value, field, GatewayErrorCode.invalidId);
}

/** Checks `first`: 1..100; null (sent explicitly) means the default. */
export function requireFirst(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw new ValidationError(GatewayErrorCode.invalidPageSize, 'first', `first must be between 1 and ${MAX_FIRST}, got ${first}`);
  }
  return first;
}
