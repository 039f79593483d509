import { ValidationError } from '@shop/errors';
import { parseId } from '@shop/ids';

// What a keyset cursor may hold, checked before any store sees it: a forged token must be INVALID_ARGUMENT on its
// field, never a query that fails inside Postgres or Elasticsearch (which would answer UNAVAILABLE).

/** The earliest time a cursor may hold: UUIDv7 time starts at the Unix epoch, and no record is older. */
export const EARLIEST_CURSOR_TIME = new Date('1970-01-01T00:00:00.000Z');
/** The latest time a cursor may hold: the last instant with a four-digit year, which every store reads as written. */
export const LATEST_CURSOR_TIME = new Date('9999-12-31T23:59:59.999Z');

// Scores are 0 or inside these bounds, well within a 32-bit float (Postgres ts_rank is a `real`, which refuses
// 1e39 as overflow and 1e-50 as underflow) and within what Elasticsearch's search_after takes.
const SMALLEST_SCORE = 1e-30;
const LARGEST_SCORE = 1e30;
// A score as the search adapters write it: a non-negative decimal, perhaps with an exponent ("6.07927e-05").
const SCORE = /^\d+(?:\.\d+)?(?:e[+-]?\d+)?$/;
const LONGEST_SCORE = 32;

/** The error every bad part of a cursor gets: the token as a whole is at fault, whichever part was wrong. */
export function invalidCursor(field: string, code: string): ValidationError {
  return new ValidationError(code, field, `${field} is not a valid page token`);
}

/** A time written by Date.toISOString, between EARLIEST_CURSOR_TIME and LATEST_CURSOR_TIME; anything else refused. */
export function cursorTime(text: string, field: string, code: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== text) throw invalidCursor(field, code);
  if (date < EARLIEST_CURSOR_TIME || date > LATEST_CURSOR_TIME) throw invalidCursor(field, code);
  return date;
}

/** A search score as written by the adapters: 0 or a decimal between 1e-30 and 1e30, returned as written. */
export function cursorScore(text: string, field: string, code: string): string {
  const value = Number(text);
  const inRange = value === 0 || (value >= SMALLEST_SCORE && value <= LARGEST_SCORE);
  if (text.length > LONGEST_SCORE || !SCORE.test(text) || !Number.isFinite(value) || !inRange) throw invalidCursor(field, code);
  return text;
}

/** A record id inside a cursor: any UUID, lower-cased like every id the shop answers with. */
export function cursorId(text: string, field: string, code: string): string {
  try {
    return parseId(text, field, code);
  } catch {
    throw invalidCursor(field, code);
  }
}
