import { decodeCursor, encodeCursor } from './cursor.js';
import { cursorId, cursorScore, cursorTime } from './cursor-values.js';

/**
 * The keyset of "best match first" lists (search): the score as the search adapter wrote it (a decimal string, so
 * it travels back exactly), then creation time and id, newest first, to break ties.
 */
export interface ScoreTimeIdKey {
  score: string;
  createdAt: Date;
  id: string;
}

/** The page token that continues after `key`. */
export function encodeScoreTimeIdCursor(key: ScoreTimeIdKey): string {
  return encodeCursor([key.score, key.createdAt.toISOString(), key.id]);
}

/**
 * Reads a token made by encodeScoreTimeIdCursor; '' is the first page (undefined). Anything else, including a score
 * that is negative, not finite or too large for the stores, is a ValidationError on `field`.
 */
export function decodeScoreTimeIdCursor(token: string, field: string, code: string): ScoreTimeIdKey | undefined {
  const key = decodeCursor(token, 3, field, code);
  if (!key) return undefined;
  const [score, createdAt, id] = key as [string, string, string];
  return { score: cursorScore(score, field, code), createdAt: cursorTime(createdAt, field, code), id: cursorId(id, field, code) };
}
