import type { estypes } from '@elastic/elasticsearch';
import type { SearchCursor } from '../../domain/product-search.js';

/**
 * What one query word is worth to a product: 3 when it is a whole word of the name, 2 when it starts a word of
 * the name, 1 when it starts a word of the description. Constant scores, not BM25, on purpose: BM25 depends on
 * corpus statistics, so adding a product between two pages would move every score and a `search_after` cursor
 * would skip or repeat hits. These scores depend on the product alone, like Postgres's ts_rank.
 */
export const WORD_SCORES = { nameWord: 3, namePrefix: 2, descriptionPrefix: 1 } as const;

function matches(field: string, word: string, boost: number): estypes.QueryDslQueryContainer {
  return { constant_score: { filter: { match: { [field]: { query: word, operator: 'and' } } }, boost } };
}

/** One word of the query: it must start a word of the name or description; the best place it matches counts. */
function wordQuery(word: string): estypes.QueryDslQueryContainer {
  return {
    dis_max: {
      queries: [
        matches('name', word, WORD_SCORES.nameWord),
        matches('name.prefix', word, WORD_SCORES.namePrefix),
        matches('description.prefix', word, WORD_SCORES.descriptionPrefix),
      ],
    },
  };
}

/**
 * The search request for the words of a query (already split by `searchWords`, so no query syntax reaches
 * Elasticsearch): every word must match; best first, ties newest first, then by id, which makes the sort total
 * and `search_after` exact. Scores are sums of small integers, so a cursor's score round-trips without loss.
 */
export function buildSearchRequest(index: string, words: readonly string[], limit: number, after?: SearchCursor): estypes.SearchRequest {
  return {
    index,
    size: limit,
    query: { bool: { must: words.map(wordQuery) } },
    sort: [{ _score: { order: 'desc' } }, { createdAt: { order: 'desc' } }, { id: { order: 'desc' } }],
    ...(after ? { search_after: [Number(after.score), after.createdAt.getTime(), after.id] } : {}),
    track_total_hits: false,
  };
}
