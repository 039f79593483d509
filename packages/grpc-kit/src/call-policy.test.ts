import { describe, expect, it } from '@jest/globals';
import { backoffMs, DEFAULT_CALL_POLICY } from './call-policy.js';

describe('backoffMs', () => {
  const policy = { ...DEFAULT_CALL_POLICY, initialBackoffMs: 50, maxBackoffMs: 1_000 };

  it('doubles its ceiling per retry and caps it', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((retry) => backoffMs(policy, retry, () => 1))).toEqual([50, 100, 200, 400, 800, 1000, 1000]);
  });

  it('spreads waits below the ceiling (full jitter)', () => {
    expect(backoffMs(policy, 3, () => 0)).toBe(0);
    expect(backoffMs(policy, 3, () => 0.5)).toBe(100);
  });
});
