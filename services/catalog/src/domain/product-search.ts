import type { TextRule } from '@shop/validation';
import type { Product } from './product.js';
import { CatalogErrorCode } from './product-errors.js';

/** A search query: one line of 1..200 characters. */
export const searchQueryRule: TextRule = { field: 'query', code: CatalogErrorCode.invalidQuery, min: 1, max: 200 };

/**
 * The relevance of a hit as the search adapter wrote it: a decimal number, higher is better. A string, so
 * a cursor carries it back to the adapter exactly (a Postgres `real` would not survive a trip through a double).
 */
export type SearchScore = string;

/** One product a search found, with its relevance. */
export interface SearchHit {
  product: Product;
  score: SearchScore;
}

/** Where a search page starts: after the hit with this score, creation time and id (best first, then newest first). */
export interface SearchCursor {
  score: SearchScore;
  createdAt: Date;
  id: string;
}

/**
 * The search port of the catalog: full-text search over names and descriptions. Implementations: Postgres
 * full-text search, and in-memory for unit tests; one contract suite runs against both (Elasticsearch comes later).
 * Every word of the query must match as a word prefix; name matches rank above description matches;
 * a query without searchable words finds nothing.
 */
export interface ProductSearch {
  /** Up to `limit` hits, best first, ties newest first, after `after` when given. */
  search(query: string, limit: number, after?: SearchCursor): Promise<SearchHit[]>;
}

// Letters and digits, with the combining marks some scripts write letters with; everything else separates words.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The searchable words of a text: runs of letters and digits, punctuation and symbols dropped. */
export function searchWords(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}
