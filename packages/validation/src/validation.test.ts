import { describe, expect, it } from '@jest/globals';
import { requireEmail } from './email.js';
import { requireText } from './text.js';

const nameRule = { field: 'name', code: 'T.INVALID_NAME', min: 1, max: 5 };

describe('requireText', () => {
  it('trims and counts characters, not UTF-16 units', () => {
    expect(requireText('  Zoë  ', nameRule)).toBe('Zoë');
    expect(requireText('😀😀😀😀😀', nameRule)).toBe('😀😀😀😀😀');
  });

  it.each([
    ['empty', '', /must not be empty/],
    ['blank', ' \t ', /must not be empty/],
    ['too long', 'abcdef', /at most 5 characters, got 6/],
    ['NUL byte', 'a\u0000b', /control characters/],
    ['newline in a single-line field', 'a\nb', /control characters/],
  ])('refuses %s, naming the field', (_case, value, message) => {
    expect(() => requireText(value, nameRule)).toThrow(expect.objectContaining({ field: 'name', code: 'T.INVALID_NAME', message: expect.stringMatching(message) }));
  });

  it('allows line breaks in multiline fields but not other control characters', () => {
    const rule = { ...nameRule, max: 50, multiline: true };
    expect(requireText('line 1\nline 2', rule)).toBe('line 1\nline 2');
    expect(() => requireText('bell\u0007', rule)).toThrow(/control characters/);
  });

  it.each([
    ['only zero-width spaces', '\u200B\u200B\u200B', /visible character/],
    ['only a zero-width joiner and a byte-order mark', '\u200D\uFEFF', /visible character/],
    ['only Hangul fillers', '\u3164\u3164', /visible character/],
    ['only the blank Braille pattern', '\u2800', /visible character/],
    ['a right-to-left override', 'a\u202Egnp', /bidirectional/],
    ['a left-to-right embedding', '\u202Aab', /bidirectional/],
    ['a first-strong isolate', 'a\u2068b\u2069', /bidirectional/],
    ['an unpaired high surrogate', 'ab\uD800', /unpaired surrogate/],
    ['an unpaired low surrogate', '\uDC00ab', /unpaired surrogate/],
    ['a DEL', 'a\u007Fb', /control characters/],
    ['a C1 control', 'a\u0085b', /control characters/],
  ])('refuses a name with %s, naming the field', (_case, value, message) => {
    expect(() => requireText(value, nameRule)).toThrow(expect.objectContaining({ field: 'name', code: 'T.INVALID_NAME', message: expect.stringMatching(message) }));
  });

  it.each([
    ['letters of any script', 'Zoë', 'Zoë'],
    ['right-to-left text without overrides', 'שלום', 'שלום'],
    ['an emoji built with a zero-width joiner', '👩\u200D💻', '👩\u200D💻'],
    ['a zero-width space beside a letter', 'a\u200B', 'a\u200B'],
    ['a left-to-right mark (a mark, not an override)', 'ab\u200E', 'ab\u200E'],
  ])('accepts a name of %s', (_case, value, expected) => {
    expect(requireText(value, nameRule)).toBe(expected);
  });

  it('refuses unpaired surrogates in multiline text too, but allows its bidi controls and blank text', () => {
    const rule = { ...nameRule, min: 0, max: 50, multiline: true };
    expect(() => requireText('line\n\uD83D', rule)).toThrow(/unpaired surrogate/);
    expect(requireText('quote: \u2067שלום\u2069', rule)).toBe('quote: \u2067שלום\u2069');
    expect(requireText('\u200B', rule)).toBe('\u200B');
  });
});

describe('requireEmail', () => {
  it.each(['ada@example.com', 'Ada.Lovelace+shop@Example.CO.uk', "o'brien@mail.example.org"])('accepts %s', (email) => {
    expect(requireEmail(`  ${email} `, 'email', 'T.INVALID_EMAIL')).toBe(email);
  });

  it.each(['', 'plainaddress', '@example.com', 'ada@', 'ada@localhost', 'ada@exa mple.com', 'ada@@example.com', `${'a'.repeat(65)}@example.com`, `a@${'b'.repeat(250)}.com`, 'ädä@example.com'])(
    'refuses %p naming the field',
    (email) => {
      expect(() => requireEmail(email, 'email', 'T.INVALID_EMAIL')).toThrow(expect.objectContaining({ field: 'email', code: 'T.INVALID_EMAIL' }));
    },
  );
});
