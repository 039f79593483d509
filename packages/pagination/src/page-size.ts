import { ValidationError } from '@shop/errors';

/** Page size when the caller gives none (proto3 sends 0 for "unset"). */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest page anybody may ask for. */
export const MAX_PAGE_SIZE = 100;

/** Validates a requested page size: 0 means `defaultSize` (DEFAULT_PAGE_SIZE unless given), otherwise 1..MAX_PAGE_SIZE. */
export function parsePageSize(value: number, field: string, code: string, defaultSize: number = DEFAULT_PAGE_SIZE): number {
  if (value === 0) return defaultSize;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw new ValidationError(code, field, `${field} must be between 1 and ${MAX_PAGE_SIZE}, got ${value}`);
  }
  return value;
}
