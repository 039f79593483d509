import { decodeScoreTimeIdCursor, encodeScoreTimeIdCursor } from '@shop/pagination';
import type { SearchCursor, SearchHit } from '../domain/product-search.js';

/** The page token that continues a search after `hit`: its score, creation time and id. */
export function encodeSearchCursor(hit: SearchHit): string {
  return encodeScoreTimeIdCursor({ score: hit.score, createdAt: hit.product.createdAt, id: hit.product.id });
}

/**
 * Reads a token made by encodeSearchCursor; '' is the first page (undefined). Anything else is a ValidationError on
 * `field`, also a score or time the search stores could not take (NaN, 1e999, year 1), so it never reaches them.
 */
export function decodeSearchCursor(token: string, field: string, code: string): SearchCursor | undefined {
  return decodeScoreTimeIdCursor(token, field, code);
}
