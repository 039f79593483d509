import { describe, expect, it } from '@jest/globals';
import { MAX_OPERATION_NAMES, operationLabel } from '../src/graphql/operation-metrics.js';

describe('operationLabel', () => {
  it('labels operations that did not parse or validate as (invalid), whatever name the client sent', () => {
    expect(operationLabel('GetProduct', false)).toBe('(invalid)');
    expect(operationLabel(undefined, false)).toBe('(invalid)');
  });

  it('labels an anonymous operation, and a name that is not a GraphQL name of at most 64 characters, without the raw text', () => {
    expect(operationLabel(null, true)).toBe('(anonymous)');
    expect(operationLabel('', true)).toBe('(anonymous)');
    expect(operationLabel('x'.repeat(65), true)).toBe('other');
    expect(operationLabel('drop"} 1\nfake_total{a="', true)).toBe('other');
  });

  it(`keeps at most ${MAX_OPERATION_NAMES} distinct names, so a client inventing a name per request cannot grow the series without end`, () => {
    const labels = Array.from({ length: MAX_OPERATION_NAMES + 50 }, (_, n) => operationLabel(`Generated${n}`, true));
    const distinct = new Set(labels.filter((label) => label !== 'other'));
    expect(distinct.size).toBeLessThanOrEqual(MAX_OPERATION_NAMES);
    expect(labels.at(-1)).toBe('other');
    // A name already kept stays itself.
    expect(operationLabel([...distinct][0], true)).toBe([...distinct][0]);
  });
});
