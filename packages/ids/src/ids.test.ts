import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@shop/errors';
import { isUuidV7, newId, parseId } from './ids.js';

describe('ids', () => {
  it('creates UUIDv7 ids that sort by creation order', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    expect(ids.every(isUuidV7)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });

  it('accepts any well-formed UUID and lower-cases it', () => {
    expect(parseId('0190F0E8-5D6A-7C3B-8D4E-1A2B3C4D5E6F', 'id', 'X.INVALID_ID')).toBe('0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f');
  });

  it.each(['', 'abc', '0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6', "1' OR '1'='1", 'x'.repeat(500)])('refuses %p naming the field', (value) => {
    expect(() => parseId(value, 'accountId', 'X.INVALID_ID')).toThrow(ValidationError);
    try {
      parseId(value, 'accountId', 'X.INVALID_ID');
    } catch (error) {
      expect(error).toMatchObject({ code: 'X.INVALID_ID', field: 'accountId', kind: 'INVALID_ARGUMENT' });
      expect((error as Error).message).toMatch(/^accountId must be a UUID/);
    }
  });
});
