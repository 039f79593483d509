import { describe, expect, it } from '@jest/globals';
import { buildSearchRequest, WORD_SCORES } from './product-search-request.js';

const wordClause = (word: string) => ({
  dis_max: {
    queries: [
      { constant_score: { filter: { match: { name: { query: word, operator: 'and' } } }, boost: WORD_SCORES.nameWord } },
      { constant_score: { filter: { match: { 'name.prefix': { query: word, operator: 'and' } } }, boost: WORD_SCORES.namePrefix } },
      { constant_score: { filter: { match: { 'description.prefix': { query: word, operator: 'and' } } }, boost: WORD_SCORES.descriptionPrefix } },
    ],
  },
});

describe('buildSearchRequest', () => {
  it('requires every word, each as a whole name word, a name prefix or a description prefix, best place counting', () => {
    const request = buildSearchRequest('shop-products', ['zephyr', 'lam'], 10);
    expect(request.index).toBe('shop-products');
    expect(request.size).toBe(10);
    expect(request.query).toEqual({ bool: { must: [wordClause('zephyr'), wordClause('lam')] } });
    expect(request).not.toHaveProperty('search_after');
  });

  it('ranks a whole name word above a name prefix above a description prefix', () => {
    expect(WORD_SCORES.nameWord).toBeGreaterThan(WORD_SCORES.namePrefix);
    expect(WORD_SCORES.namePrefix).toBeGreaterThan(WORD_SCORES.descriptionPrefix);
  });

  it('sorts best first, then newest, then by id, so that the order is total and search_after exact', () => {
    expect(buildSearchRequest('shop-products', ['kettle'], 5).sort).toEqual([
      { _score: { order: 'desc' } },
      { createdAt: { order: 'desc' } },
      { id: { order: 'desc' } },
    ]);
  });

  it('continues after a cursor with its score, creation time in epoch millis and id', () => {
    const createdAt = new Date('2026-11-21T10:00:00.123Z');
    const request = buildSearchRequest('shop-products', ['kettle'], 5, { score: '5', createdAt, id: '0197a1b2-0000-7000-8000-000000000001' });
    expect(request.search_after).toEqual([5, createdAt.getTime(), '0197a1b2-0000-7000-8000-000000000001']);
  });

  it('passes words as match text, never as query syntax, and does not count total hits', () => {
    const request = buildSearchRequest('shop-products', ['kett', 'lamp'], 5);
    expect(JSON.stringify(request)).not.toMatch(/query_string|simple_query_string|wildcard|regexp/);
    expect(request.track_total_hits).toBe(false);
  });
});
