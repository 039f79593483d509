import { describe, expect, it } from '@jest/globals';
import { UnavailableError, ValidationError } from '@shop/errors';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_HOLD_MS, DEFAULT_RETRY_DELAYS, isTransientError, retryDelayMs, retrySchedule } from './retry-policy.js';

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

describe('retrySchedule', () => {
  it('waits 1, 2, 4 and 8 s between the five default attempts: a poison event holds its stream 15 s', () => {
    const schedule = retrySchedule(DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_DELAYS, DEFAULT_MAX_HOLD_MS);
    expect(schedule).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(schedule.reduce((sum, delay) => sum + delay, 0)).toBeLessThanOrEqual(DEFAULT_MAX_HOLD_MS);
  });

  it('cuts the waits short at the hold limit, however many attempts are allowed', () => {
    expect(retrySchedule(20, DEFAULT_RETRY_DELAYS, 30_000)).toEqual([1_000, 2_000, 4_000, 8_000, 15_000]);
    expect(retrySchedule(10, { initialMs: 100, maxMs: 1_000 }, 500)).toEqual([100, 200, 200]);
    expect(retrySchedule(5, DEFAULT_RETRY_DELAYS, 0)).toEqual([]);
    expect(retrySchedule(1, DEFAULT_RETRY_DELAYS, 30_000)).toEqual([]);
  });
});
