import { describe, expect, it } from '@jest/globals';
import { INDEX_MAPPINGS, INDEX_SETTINGS, MAPPING_VERSION, mappingVersionOf, newIndexName } from './product-index-mapping.js';
import { toDocument } from './product-document.js';
import { Product } from '../../domain/product.js';

describe('the search index mapping', () => {
  it('maps every field of a document explicitly, and refuses others (dynamic: strict)', () => {
    const document = toDocument(Product.create({ name: 'Kettle', description: '', price: { amountMinor: 100n, currencyCode: 'USD' }, stock: 1 }, new Date()));
    expect(INDEX_MAPPINGS.dynamic).toBe('strict');
    expect(Object.keys(INDEX_MAPPINGS.properties!).sort()).toEqual(Object.keys(document).sort());
  });

  it('has analysed name and description with prefix sub-fields, keywords for ids and currencies, numbers for price and stock', () => {
    const properties = INDEX_MAPPINGS.properties as Record<string, Record<string, unknown>>;
    for (const field of ['name', 'description']) {
      expect(properties[field]).toEqual({
        type: 'text',
        analyzer: 'product_words',
        fields: { prefix: { type: 'text', analyzer: 'product_prefixes', search_analyzer: 'product_prefix_query' } },
      });
    }
    expect(properties.id).toEqual({ type: 'keyword' });
    expect(properties.price).toEqual({ properties: { amountMinor: { type: 'long' }, currencyCode: { type: 'keyword' } } });
    expect(properties.stock).toEqual({ type: 'integer' });
    expect(properties.createdAt).toEqual({ type: 'date' });
  });

  it('defines every analyzer and filter the mapping names', () => {
    const analysis = INDEX_SETTINGS.analysis!;
    const analyzers = analysis.analyzer as Record<string, { filter: string[] }>;
    expect(Object.keys(analyzers).sort()).toEqual(['product_prefix_query', 'product_prefixes', 'product_words']);
    const filters = new Set([...Object.keys(analysis.filter!), 'lowercase']);
    for (const analyzer of Object.values(analyzers)) for (const filter of analyzer.filter) expect(filters).toContain(filter);
  });

  it('records its version in _meta, which mappingVersionOf reads back (0 for an index without one)', () => {
    expect(mappingVersionOf(INDEX_MAPPINGS)).toBe(MAPPING_VERSION);
    expect(mappingVersionOf({ properties: {} })).toBe(0);
    expect(mappingVersionOf(undefined)).toBe(0);
  });

  it('names each new index after the alias, the mapping version and the time, in lowercase', () => {
    expect(newIndexName('shop-products', new Date('2026-11-21T10:15:00.123Z'))).toBe(`shop-products-v${MAPPING_VERSION}-20261121t101500123z`);
  });
});
