import { describe, expect, it } from '@jest/globals';
import { unpairedSurrogatePath } from './unicode-guard.js';

describe('unpairedSurrogatePath', () => {
  it('finds the first string with an unpaired surrogate, by its path', () => {
    expect(unpairedSurrogatePath({ input: { name: 'a\uD800', email: 'x' } })).toBe('input.name');
    expect(unpairedSurrogatePath({ id: 'ok', input: { items: [{ note: 'fine' }, { note: '\uDC00' }] } })).toBe('input.items[1].note');
    expect(unpairedSurrogatePath({ a: '\uDFFF', b: '\uD800' })).toBe('a');
  });

  it('passes valid text, pairs included, and values that are not text', () => {
    expect(unpairedSurrogatePath({ input: { name: 'Zoë 😀', stock: 3, tags: [null, true, ['x']] } })).toBeUndefined();
  });

  it('walks JSON nested far deeper than the stack would allow', () => {
    let deep: unknown = 'a\uD83D';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(unpairedSurrogatePath({ deep })).toBe(`deep${'[0]'.repeat(100_000)}`);
  });
});
