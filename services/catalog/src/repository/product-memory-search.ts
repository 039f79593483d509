import { newestFirst } from '@shop/pagination';
import type { Product } from '../domain/product.js';
import { searchWords, type ProductSearch, type SearchCursor, type SearchHit } from '../domain/product-search.js';

// The weights Postgres gives name (A) and description (B) words by default.
const NAME_WEIGHT = 1;
const DESCRIPTION_WEIGHT = 0.4;

/**
 * ProductSearch in memory, for unit tests of the service: case-insensitive word-prefix matching of every query
 * word, name matches weighing more than description matches. Simpler than Postgres (no stemming, no stop words);
 * the contract suite holds both to the behaviour they share.
 */
export class ProductMemorySearch implements ProductSearch {
  constructor(private readonly products: { all(): Product[] }) {}

  async search(query: string, limit: number, after?: SearchCursor): Promise<SearchHit[]> {
    const words = lowerWords(query);
    if (words.length === 0) return [];
    return this.products
      .all()
      .flatMap((product) => {
        const score = scoreOf(product, words);
        return score > 0 ? [{ product, score: String(score) }] : [];
      })
      .sort(bestFirst)
      .filter((hit) => !after || bestFirst(hit, { score: after.score, product: after }) > 0)
      .slice(0, limit);
  }
}

function lowerWords(text: string): string[] {
  return searchWords(text.toLowerCase());
}

/** The sum of the weights of the fields each word prefixes a word of; 0 when some word matches nowhere. */
function scoreOf(product: Product, words: string[]): number {
  const name = lowerWords(product.name);
  const description = lowerWords(product.description);
  let score = 0;
  for (const word of words) {
    const weight =
      (name.some((candidate) => candidate.startsWith(word)) ? NAME_WEIGHT : 0) +
      (description.some((candidate) => candidate.startsWith(word)) ? DESCRIPTION_WEIGHT : 0);
    if (weight === 0) return 0;
    score += weight;
  }
  return score;
}

/** What search results sort by: a hit, or a cursor standing in for the hit it came from. */
interface SearchKey {
  score: string;
  product: { createdAt: Date; id: string };
}

/** Higher score first, then newest first, as the Postgres search orders. */
function bestFirst(a: SearchKey, b: SearchKey): number {
  return Number(b.score) - Number(a.score) || newestFirst(a.product, b.product);
}
