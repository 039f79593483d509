import { v7 as uuidv7, validate, version } from 'uuid';
import { ValidationError } from '@shop/errors';

/** Creates a new id: UUIDv7, so ids sort by creation time and index well. */
export function newId(): string {
  return uuidv7();
}

/** True for any well-formed UUID (any version), lower or upper case. */
export function isUuid(value: string): boolean {
  return validate(value);
}

/** True for a well-formed UUID of version 7, the only kind the shop creates. */
export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7;
}

/**
 * Checks an id that came from outside and returns it lower-cased.
 * Any well-formed UUID passes (a lookup of a foreign UUID simply finds nothing);
 * anything else is a ValidationError naming the field, so it never reaches SQL.
 */
export function parseId(value: string, field: string, code: string): string {
  if (!isUuid(value)) {
    throw new ValidationError(code, field, `${field} must be a UUID, got ${describe(value)}`);
  }
  return value.toLowerCase();
}

function describe(value: string): string {
  if (value === '') return 'an empty string';
  return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value);
}
