import { decodeCursor, encodeCursor } from './cursor.js';
import { cursorId, cursorTime } from './cursor-values.js';

/** The keyset of "newest first" lists: creation time, then id to break ties. */
export interface TimeIdKey {
  createdAt: Date;
  id: string;
}

/** The page token that continues after `item`. */
export function encodeTimeIdCursor(item: TimeIdKey): string {
  return encodeCursor([item.createdAt.toISOString(), item.id]);
}

/**
 * Reads a token made by encodeTimeIdCursor; '' is the first page (undefined). Anything else, including a time out
 * of range or an id that is no UUID, is a ValidationError on `field`, so it never reaches a store.
 */
export function decodeTimeIdCursor(token: string, field: string, code: string): TimeIdKey | undefined {
  const key = decodeCursor(token, 2, field, code);
  if (!key) return undefined;
  const [createdAt, id] = key as [string, string];
  return { createdAt: cursorTime(createdAt, field, code), id: cursorId(id, field, code) };
}

/** Orders TimeIdKeys newest first (later time first, then larger id first), as the SQL lists do. */
export function newestFirst(a: TimeIdKey, b: TimeIdKey): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
