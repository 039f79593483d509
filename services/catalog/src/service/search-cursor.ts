import { ValidationError } from '@shop/errors';
import { parseId } from '@shop/ids';
import { decodeCursor, encodeCursor } from '@shop/pagination';
import type { SearchCursor, SearchHit } from '../domain/product-search.js';

// A score as the search adapters write it: a non-negative decimal, perhaps with an exponent ("6.07927e-05").
const SCORE = /^\d+(?:\.\d+)?(?:e[+-]?\d+)?$/;

/** The page token that continues a search after `hit`: its score, creation time and id. */
export function encodeSearchCursor(hit: SearchHit): string {
  return encodeCursor([hit.score, hit.product.createdAt.toISOString(), hit.product.id]);
}

/** Reads a token made by encodeSearchCursor; '' is the first page (undefined); anything else is a ValidationError on `field`. */
export function decodeSearchCursor(token: string, field: string, code: string): SearchCursor | undefined {
  const key = decodeCursor(token, 3, field, code);
  if (!key) return undefined;
  const [score, createdAt, id] = key as [string, string, string];
  const date = new Date(createdAt);
  if (!SCORE.test(score) || !Number.isFinite(Number(score)) || Number.isNaN(date.getTime())) {
    throw new ValidationError(code, field, `${field} is not a valid page token`);
  }
  return { score, createdAt: date, id: parseId(id, field, code) };
}
