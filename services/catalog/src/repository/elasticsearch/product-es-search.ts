import type { Client } from '@elastic/elasticsearch';
import { searchWords, type ProductSearch, type SearchCursor, type SearchHit } from '../../domain/product-search.js';
import { fromDocument, type ProductDocument } from './product-document.js';
import { buildSearchRequest } from './product-search-request.js';
import { runOnSearch } from './search-errors.js';

/** A search waits this long for Elasticsearch before the catalog answers from Postgres instead. */
const SEARCH_TIMEOUT_MS = 2_000;

/**
 * ProductSearch over the Elasticsearch projection of the catalog (kept current by the search projection consumer).
 * Reads through the alias; an unreachable engine or a missing index is a SearchUnavailableError.
 */
export class ProductEsSearch implements ProductSearch {
  constructor(
    private readonly client: Client,
    private readonly alias: string,
  ) {}

  async search(query: string, limit: number, after?: SearchCursor): Promise<SearchHit[]> {
    const words = searchWords(query);
    if (words.length === 0) return [];
    const response = await runOnSearch(() =>
      this.client.search<ProductDocument>(buildSearchRequest(this.alias, words, limit, after), { requestTimeout: SEARCH_TIMEOUT_MS, maxRetries: 0 }),
    );
    return response.hits.hits.map((hit) => {
      // The sort values are what search_after continues from: [score, createdAt millis, id].
      const [score] = hit.sort ?? [hit._score];
      if (!hit._source) throw new Error(`search hit ${hit._id ?? '?'} has no _source (is _source disabled on ${this.alias}?)`);
      return { product: fromDocument(hit._source), score: String(score) };
    });
  }
}
