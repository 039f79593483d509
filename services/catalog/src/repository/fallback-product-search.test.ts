import { describe, expect, it } from '@jest/globals';
import { UnavailableError, ValidationError } from '@shop/errors';
import type { Logger } from '@shop/logger';
import { Product } from '../domain/product.js';
import type { ProductSearch, SearchHit } from '../domain/product-search.js';
import { FallbackProductSearch } from './fallback-product-search.js';

const kettle = Product.create({ name: 'Kettle', description: '', price: { amountMinor: 100n, currencyCode: 'USD' }, stock: 1 }, new Date());

/** A search that answers with `hits`, or fails with whatever `failWith` holds at the time of the call. */
class ScriptedSearch implements ProductSearch {
  failWith: Error | undefined;
  calls = 0;
  constructor(private readonly hits: SearchHit[]) {}
  async search(): Promise<SearchHit[]> {
    this.calls += 1;
    if (this.failWith) throw this.failWith;
    return this.hits;
  }
}

function recordingLogger() {
  const lines: { level: string; message: string }[] = [];
  const logger = {
    warn: (_fields: unknown, message: string) => lines.push({ level: 'warn', message }),
    info: (_fields: unknown, message: string) => lines.push({ level: 'info', message }),
  } as unknown as Logger;
  return { logger, lines };
}

const fromElasticsearch = [{ product: kettle, score: '3' }];
const fromPostgres = [{ product: kettle, score: '0.0607927' }];

describe('FallbackProductSearch', () => {
  it('answers from the primary search while it works', async () => {
    const primary = new ScriptedSearch(fromElasticsearch);
    const fallback = new ScriptedSearch(fromPostgres);
    const search = new FallbackProductSearch(primary, fallback, recordingLogger().logger);
    await expect(search.search('kettle', 10)).resolves.toBe(fromElasticsearch);
    expect(fallback.calls).toBe(0);
  });

  it('answers from the fallback when the primary is UNAVAILABLE, and logs when the outage starts and ends', async () => {
    const primary = new ScriptedSearch(fromElasticsearch);
    const { logger, lines } = recordingLogger();
    let now = 0;
    const search = new FallbackProductSearch(primary, new ScriptedSearch(fromPostgres), logger, () => now);
    primary.failWith = new UnavailableError('CATALOG.SEARCH_UNAVAILABLE', 'the search index is unavailable: connect ECONNREFUSED');
    await expect(search.search('kettle', 10)).resolves.toBe(fromPostgres);
    now = 10_000;
    await expect(search.search('kettle', 10)).resolves.toBe(fromPostgres);
    now = 70_001;
    await expect(search.search('kettle', 10)).resolves.toBe(fromPostgres);
    now = 80_000;
    primary.failWith = undefined;
    await expect(search.search('kettle', 10)).resolves.toBe(fromElasticsearch);
    // The start, one reminder a minute later (not one per search), and the recovery.
    expect(primary.calls).toBe(4);
    expect(lines).toEqual([
      { level: 'warn', message: 'Elasticsearch unavailable; searching with Postgres instead' },
      { level: 'warn', message: 'Elasticsearch unavailable; searching with Postgres instead' },
      { level: 'info', message: 'Elasticsearch answers again; searching with it' },
    ]);
  });

  it('while the primary is failing, tries it again only once in 5 s, so searches do not all wait for a dead engine', async () => {
    const primary = new ScriptedSearch(fromElasticsearch);
    const fallback = new ScriptedSearch(fromPostgres);
    let now = 0;
    const search = new FallbackProductSearch(primary, fallback, recordingLogger().logger, () => now);
    primary.failWith = new UnavailableError('CATALOG.SEARCH_UNAVAILABLE', 'timeout');
    for (now = 0; now < 4_000; now += 1_000) await search.search('kettle', 10);
    expect([primary.calls, fallback.calls]).toEqual([1, 4]);
    now = 5_000;
    primary.failWith = undefined;
    await expect(search.search('kettle', 10)).resolves.toBe(fromElasticsearch);
    await expect(search.search('kettle', 10)).resolves.toBe(fromElasticsearch);
    expect([primary.calls, fallback.calls]).toEqual([3, 4]);
  });

  it('does not hide other errors of the primary behind the fallback', async () => {
    const primary = new ScriptedSearch(fromElasticsearch);
    const fallback = new ScriptedSearch(fromPostgres);
    primary.failWith = new ValidationError('CATALOG.INVALID_QUERY', 'query', 'query is too long');
    await expect(new FallbackProductSearch(primary, fallback, recordingLogger().logger).search('kettle', 10)).rejects.toBe(primary.failWith);
    expect(fallback.calls).toBe(0);
  });
});
