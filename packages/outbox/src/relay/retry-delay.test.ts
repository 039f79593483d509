import { describe, expect, it } from '@jest/globals';
import { retryDelayMs } from './retry-delay.js';

const policy = { baseMs: 100, maxMs: 1_000 };

describe('retryDelayMs', () => {
  it('doubles per attempt between half and all of the ceiling', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, () => 0))).toEqual([50, 100, 200, 400]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, () => 1))).toEqual([100, 200, 400, 800]);
  });

  it('stops growing at the cap, however many attempts', () => {
    expect(retryDelayMs(5, policy, () => 1)).toBe(1_000);
    expect(retryDelayMs(10_000, policy, () => 1)).toBe(1_000);
    expect(retryDelayMs(10_000, policy, () => 0)).toBe(500);
  });
});
