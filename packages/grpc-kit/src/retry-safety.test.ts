import { describe, expect, it } from '@jest/globals';
import { mayRetry } from './retry-safety.js';

describe('mayRetry', () => {
  it('retries reads, keyed writes that carry their key, and no other write', () => {
    expect([mayRetry('read'), mayRetry('keyed-write', true), mayRetry('keyed-write', false), mayRetry('keyed-write'), mayRetry('write', true)]).toEqual([true, true, false, false, false]);
  });
});
