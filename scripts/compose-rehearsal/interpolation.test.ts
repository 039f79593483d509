import { describe, expect, it } from '@jest/globals';
import { interpolate, variableReferences } from './interpolation.js';

describe('interpolate', () => {
  const variables = { PORT: '9090', EMPTY: '', NAME: 'shop' };

  it('substitutes values and falls back to inline defaults as Compose does', () => {
    expect(interpolate('${PORT:-8080}:8080', variables, 'x')).toBe('9090:8080');
    expect(interpolate('${MISSING:-8080}', variables, 'x')).toBe('8080');
    expect(interpolate('${EMPTY:-fallback}', variables, 'x')).toBe('fallback');
    expect(interpolate('${EMPTY-fallback}', variables, 'x')).toBe('');
    expect(interpolate('$NAME-${NAME}', variables, 'x')).toBe('shop-shop');
    expect(interpolate('${NAME:+yes}${MISSING:+no}', variables, 'x')).toBe('yes');
  });

  it('keeps $$ as a literal dollar', () => {
    expect(interpolate('echo $$HOME $${PORT}', variables, 'x')).toBe('echo $HOME ${PORT}');
  });

  it('refuses a missing variable without a default, and reports required ones', () => {
    expect(() => interpolate('${MISSING}', variables, 'services.a.environment.X')).toThrow(/services\.a\.environment\.X: \$\{MISSING\} has no default/);
    expect(() => interpolate('${EMPTY:?give a value}', variables, 'x')).toThrow(/EMPTY is required: give a value/);
    expect(interpolate('${EMPTY?unset}', variables, 'x')).toBe('');
  });
});

describe('variableReferences', () => {
  it('lists each reference with its default, skipping escaped dollars', () => {
    expect(variableReferences('postgres://a:${PASSWORD:-secret}@db/$NAME $$NOT ${X}')).toEqual([
      { name: 'PASSWORD', fallback: 'secret' },
      { name: 'NAME' },
      { name: 'X' },
    ]);
  });
});
