import type { Pool } from '@shop/postgres';
import { searchWords, type ProductSearch, type SearchCursor, type SearchHit } from '../domain/product-search.js';
import { runOnStore } from './run-on-store.js';
import { PRODUCT_COLUMNS, toDomain, type ProductRow } from './product-row.js';

// The tsquery, built inside Postgres from an array parameter of prefix terms ('kettle:*'), so user text is never
// SQL and never tsquery syntax (the terms hold only letters and digits). Each word matches as its English stem
// or as typed ('happy' finds "Happyland", whose stem 'happyland' does not start with the stem 'happi');
// English stop words are dropped, as they are from the documents. All words must match.
const QUERY = `query AS (
  SELECT string_agg(format('(%s)', (to_tsquery('english', term) || to_tsquery('simple', term))::text), ' & ')::tsquery AS q
  FROM unnest($1::text[]) AS term
  WHERE numnode(to_tsquery('english', term)) > 0
)`;

// ts_rank is a real; its text is the shortest that casts back to the same real, so a cursor holds it exactly.
const HITS = `hits AS (
  SELECT ${PRODUCT_COLUMNS}, ts_rank(products.search, query.q) AS rank
  FROM products, query
  WHERE products.search @@ query.q
)`;

const FIRST_PAGE = `WITH ${QUERY}, ${HITS}
SELECT ${PRODUCT_COLUMNS}, rank::text AS score FROM hits
ORDER BY rank DESC, created_at DESC, id DESC LIMIT $2`;

const NEXT_PAGE = `WITH ${QUERY}, ${HITS}
SELECT ${PRODUCT_COLUMNS}, rank::text AS score FROM hits
WHERE (rank, created_at, id) < ($3::real, $4::timestamptz, $5::uuid)
ORDER BY rank DESC, created_at DESC, id DESC LIMIT $2`;

/** ProductSearch with Postgres full-text search over the products table's generated `search` column. */
export class ProductPgSearch implements ProductSearch {
  constructor(private readonly pool: Pool) {}

  search(query: string, limit: number, after?: SearchCursor): Promise<SearchHit[]> {
    const terms = searchWords(query).map((word) => `${word}:*`);
    if (terms.length === 0) return Promise.resolve([]);
    return runOnStore(async () => {
      const { rows } = after
        ? await this.pool.query<ProductRow & { score: string }>({
            name: 'product-search-after',
            text: NEXT_PAGE,
            values: [terms, limit, after.score, after.createdAt, after.id],
          })
        : await this.pool.query<ProductRow & { score: string }>({ name: 'product-search', text: FIRST_PAGE, values: [terms, limit] });
      return rows.map((row) => ({ product: toDomain(row), score: row.score }));
    });
  }
}
