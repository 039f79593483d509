import { describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { int32ForWire, int64ForWire } from './wire-integers.js';

describe('integers for the wire', () => {
  it('passes whole numbers that fit', () => {
    expect(int32ForWire(-(2 ** 31), 'n', 'X.N')).toBe(-(2 ** 31));
    expect(int32ForWire(2 ** 31 - 1, 'n', 'X.N')).toBe(2 ** 31 - 1);
    expect(int64ForWire(2n ** 63n - 1n, 'a', 'X.A')).toBe('9223372036854775807');
  });

  it.each([1.5, 2 ** 32 + 5, -(2 ** 31) - 1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p for an int32 instead of letting protobufjs wrap it', (value) => {
    expect(() => int32ForWire(value, 'items[0].quantity', 'ORDER.INVALID_QUANTITY')).toThrow(
      expect.objectContaining({ status: status.INVALID_ARGUMENT, kind: 'INVALID_ARGUMENT', code: 'ORDER.INVALID_QUANTITY', field: 'items[0].quantity' }),
    );
  });

  it('refuses a bigint outside int64', () => {
    expect(() => int64ForWire(2n ** 64n + 100n, 'price.amount', 'X.A')).toThrow(expect.objectContaining({ field: 'price.amount' }));
  });
});
