import { describe, expect, it } from '@jest/globals';
import { UnavailableError, ValidationError } from '@shop/errors';
import { isTransientError, retryDelayMs } from './retry-policy.js';

describe('isTransientError', () => {
  it('treats an unreachable database and Postgres retry requests as transient', () => {
    expect(isTransientError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('could not serialize access'), { code: '40001' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(true);
  });

  it('treats a dependency the handler reports UNAVAILABLE (a search engine that is down) as transient', () => {
    expect(isTransientError(new UnavailableError('CATALOG.SEARCH_UNAVAILABLE', 'the search index is unavailable'))).toBe(true);
  });

  it('treats failures of the event itself as attempts', () => {
    expect(isTransientError(new ValidationError('X.BAD', 'name', 'name is required'))).toBe(false);
    expect(isTransientError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isTransientError('a string')).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('doubles from the first delay up to the cap', () => {
    const delays = { initialMs: 100, maxMs: 1_000 };
    expect([1, 2, 3, 4, 5, 9].map((attempt) => retryDelayMs(attempt, delays))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });
});
