import { describe, expect, it } from '@jest/globals';
import { errors } from '@elastic/elasticsearch';
import { SearchUnavailableError } from '../../domain/product-errors.js';
import { errorType, isSearchOutage, runOnSearch } from './search-errors.js';

const response = (statusCode: number, type?: string) =>
  new errors.ResponseError({ body: type ? { error: { type, reason: type } } : {}, statusCode, headers: {}, warnings: null, meta: {} as never });

describe('isSearchOutage', () => {
  it('counts an unreachable, slow, overloaded or failing engine, and a missing index, as an outage', () => {
    expect(isSearchOutage(new errors.ConnectionError('connect ECONNREFUSED'))).toBe(true);
    expect(isSearchOutage(new errors.TimeoutError('Request timed out'))).toBe(true);
    expect(isSearchOutage(new errors.NoLivingConnectionsError('no living connections', {} as never))).toBe(true);
    expect(isSearchOutage(response(429, 'es_rejected_execution_exception'))).toBe(true);
    expect(isSearchOutage(response(503, 'search_phase_execution_exception'))).toBe(true);
    expect(isSearchOutage(response(404, 'index_not_found_exception'))).toBe(true);
  });

  it('does not hide a request Elasticsearch refused', () => {
    expect(isSearchOutage(response(400, 'parsing_exception'))).toBe(false);
    expect(isSearchOutage(response(409, 'version_conflict_engine_exception'))).toBe(false);
    expect(isSearchOutage(new Error('bug'))).toBe(false);
  });

  it('reads the error type of a response', () => {
    expect(errorType(response(409, 'version_conflict_engine_exception'))).toBe('version_conflict_engine_exception');
    expect(errorType(response(404))).toBeUndefined();
    expect(errorType(new Error('x'))).toBeUndefined();
  });
});

describe('runOnSearch', () => {
  it('turns an outage into SearchUnavailableError (UNAVAILABLE, CATALOG.SEARCH_UNAVAILABLE) and lets other errors through', async () => {
    await expect(runOnSearch(() => Promise.reject(new errors.ConnectionError('connect ECONNREFUSED')))).rejects.toEqual(
      expect.objectContaining({ code: 'CATALOG.SEARCH_UNAVAILABLE', kind: 'UNAVAILABLE', message: 'the search index is unavailable: connect ECONNREFUSED' }),
    );
    await expect(runOnSearch(() => Promise.reject(new errors.ConnectionError('x')))).rejects.toBeInstanceOf(SearchUnavailableError);
    const refused = response(400, 'parsing_exception');
    await expect(runOnSearch(() => Promise.reject(refused))).rejects.toBe(refused);
    await expect(runOnSearch(() => Promise.resolve(42))).resolves.toBe(42);
  });
});
