import { describe, expect, it } from '@jest/globals';
import { ProductEsSearch } from '../src/repository/elasticsearch/product-es-search.js';
import { toDocument } from '../src/repository/elasticsearch/product-document.js';
import { FakeElasticsearch } from './fake-elasticsearch.js';
import { aProduct } from './product-builder.js';

// ProductEsSearch's side of the conversation with Elasticsearch, over the official mock transport: the request
// it sends and how it reads the answer. Whether Elasticsearch ranks as we want is the contract suite's job.

describe('ProductEsSearch', () => {
  it('sends the built query to the alias and maps hits (documents and sort values) to products and cursors', async () => {
    const fake = new FakeElasticsearch();
    const kettle = aProduct({ name: 'Zephyr kettle', createdAt: new Date('2026-11-21T10:00:00.000Z') });
    fake.on('POST', '/:index/_search', () => ({
      took: 1,
      timed_out: false,
      hits: { hits: [{ _index: 'shop-products-v1-x', _id: kettle.id, _score: 5, _source: toDocument(kettle), sort: [5, kettle.createdAt.getTime(), kettle.id] }] },
    }));
    const search = new ProductEsSearch(fake.client(), 'shop-products');

    const hits = await search.search('Zephyr  kett!', 10, { score: '6', createdAt: new Date('2026-11-22T00:00:00.000Z'), id: kettle.id });

    expect(hits.map((hit) => [hit.product.toState(), hit.score])).toEqual([[kettle.toState(), '5']]);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/shop-products/_search' });
    const body = request!.body as { size: number; search_after: unknown[]; query: { bool: { must: unknown[] } } };
    expect(body.size).toBe(10);
    expect(body.search_after).toEqual([6, Date.parse('2026-11-22T00:00:00.000Z'), kettle.id]);
    expect(body.query.bool.must).toHaveLength(2); // "zephyr" and "kett": the punctuation is gone
  });

  it('sends nothing for a query without searchable words', async () => {
    const fake = new FakeElasticsearch();
    await expect(new ProductEsSearch(fake.client(), 'shop-products').search('?! -- *', 10)).resolves.toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it('reports an unreachable engine as SearchUnavailableError, which the fallback turns into a Postgres search', async () => {
    const fake = new FakeElasticsearch();
    fake.down = true;
    await expect(new ProductEsSearch(fake.client(), 'shop-products').search('kettle', 10)).rejects.toMatchObject({
      code: 'CATALOG.SEARCH_UNAVAILABLE',
      kind: 'UNAVAILABLE',
    });
  });
});
