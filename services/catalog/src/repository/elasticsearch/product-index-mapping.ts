import type { estypes } from '@elastic/elasticsearch';

/**
 * The version of the settings and mapping below. Raise it with any change to them: at start, a catalog finding
 * its alias on an index of an older version builds a new index from Postgres and moves the alias (no downtime).
 */
export const MAPPING_VERSION = 1;

/** The longest word prefix indexed; longer query words are cut to it, so they still match. */
export const MAX_PREFIX_LENGTH = 20;

/**
 * One shard, so relevance never depends on which shard a product landed in; no replicas, for the single-node
 * setup of docker-compose (raise `number_of_replicas` on a cluster). Words are split by the standard (Unicode)
 * tokenizer and lowercased; the `prefix` sub-fields also index every leading part of each word (edge n-grams),
 * which is how "kett" finds "kettle" with one cheap term lookup instead of a prefix scan.
 */
export const INDEX_SETTINGS: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  number_of_replicas: 0,
  analysis: {
    filter: {
      word_prefixes: { type: 'edge_ngram', min_gram: 1, max_gram: MAX_PREFIX_LENGTH },
      longest_prefix: { type: 'truncate', length: MAX_PREFIX_LENGTH },
    },
    analyzer: {
      product_words: { type: 'custom', tokenizer: 'standard', filter: ['lowercase'] },
      product_prefixes: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'word_prefixes'] },
      product_prefix_query: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'longest_prefix'] },
    },
  },
};

const searchableText: estypes.MappingProperty = {
  type: 'text',
  analyzer: 'product_words',
  fields: { prefix: { type: 'text', analyzer: 'product_prefixes', search_analyzer: 'product_prefix_query' } },
};

/** The explicit mapping: `strict`, so a document with a field we did not plan for is refused instead of guessed. */
export const INDEX_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  _meta: { mappingVersion: MAPPING_VERSION },
  properties: {
    id: { type: 'keyword' },
    name: searchableText,
    description: searchableText,
    price: { properties: { amountMinor: { type: 'long' }, currencyCode: { type: 'keyword' } } },
    stock: { type: 'integer' },
    createdAt: { type: 'date' },
    updatedAt: { type: 'date' },
  },
};

/** The concrete index behind `alias` for a build started at `now`: "shop-products-v1-20261121t101500123z". */
export function newIndexName(alias: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '').toLowerCase();
  return `${alias}-v${MAPPING_VERSION}-${stamp}`;
}

/** The mapping version recorded in an index's `_meta`, or 0 when it has none (an index we did not create). */
export function mappingVersionOf(mappings: estypes.MappingTypeMapping | undefined): number {
  const version = mappings?._meta?.mappingVersion;
  return typeof version === 'number' ? version : 0;
}
