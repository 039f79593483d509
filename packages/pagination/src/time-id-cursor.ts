import { ValidationError } from '@shop/errors';
import { parseId } from '@shop/ids';
import { decodeCursor, encodeCursor } from './cursor.js';

/** The keyset of "newest first" lists: creation time, then id to break ties. */
export interface TimeIdKey {
  createdAt: Date;
  id: string;
}

/** The page token that continues after `item`. */
export function encodeTimeIdCursor(item: TimeIdKey): string {
  return encodeCursor([item.createdAt.toISOString(), item.id]);
}

/** Reads a token made by encodeTimeIdCursor; '' is the first page (undefined); anything else is a ValidationError on `field`. */
export function decodeTimeIdCursor(token: string, field: string, code: string): TimeIdKey | undefined {
  const key = decodeCursor(token, 2, field, code);
  if (!key) return undefined;
  const [createdAt, id] = key as [string, string];
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) throw new ValidationError(code, field, `${field} is not a valid page token`);
  return { createdAt: date, id: parseId(id, field, code) };
}

/** Orders TimeIdKeys newest first (later time first, then larger id first), as the SQL lists do. */
export function newestFirst(a: TimeIdKey, b: TimeIdKey): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
