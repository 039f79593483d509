import { describe, expect, it } from '@jest/globals';
import { requireFirst, requireId } from './arguments.js';

describe('requireId', () => {
  it('accepts a UUID and lower-cases it', () => {
    expect(requireId('0190F0E8-5D6A-7C3B-8D4E-1A2B3C4D5E6F', 'id')).toBe('0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f');
  });

  it('refuses anything else, naming the field', () => {
    expect(() => requireId('42', 'items[1].productId')).toThrow(expect.objectContaining({ kind: 'INVALID_ARGUMENT', field: 'items[1].productId' }));
  });
});

describe('requireFirst', () => {
  it('takes 1..100 and defaults to 20', () => {
    expect([1, 100, null, undefined].map(requireFirst)).toEqual([1, 100, 20, 20]);
  });

  it.each([0, 101, -1])('refuses %p naming `first`', (first) => {
    expect(() => requireFirst(first)).toThrow(expect.objectContaining({ field: 'first', message: expect.stringMatching(/between 1 and 100/) }));
  });
});
