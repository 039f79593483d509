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
