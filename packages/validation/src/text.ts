import { ValidationError } from '@shop/errors';

/** Limits of one text field and the error code used when they are broken. */
export interface TextRule {
  field: string;
  code: string;
  /** In characters (code points), counted after trimming. */
  min: number;
  max: number;
  /** Whether line breaks and tabs are allowed (descriptions yes, names no). */
  multiline?: boolean;
}

// Control characters (NUL included, which Postgres text cannot hold); tab/newline/CR are allowed where multiline.
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_WHITESPACE = /[^\P{Cc}\t\n\r]/u;
// A UTF-16 half without its other half: it cannot be stored or sent as UTF-8 without being replaced.
const UNPAIRED_SURROGATE = /\p{Surrogate}/u;
// Bidirectional embeddings, overrides and isolates, which reorder how the text around them is shown.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// Something a reader sees: not white space, not a control, format (zero-width), unassigned or private-use
// character, not one of those that render as nothing (Hangul fillers), nor the blank Braille pattern.
const VISIBLE = /[^\p{White_Space}\p{C}\p{Default_Ignorable_Code_Point}\u2800]/u;

/**
 * Trims `value` and checks it against `rule`; returns the trimmed text or throws a ValidationError naming the
 * field. No text may hold control characters (line breaks aside where multiline) or unpaired surrogates.
 * Single-line text (names) must also show something, so a name of zero-width spaces is refused, and may not
 * hold bidirectional overrides or isolates, which make a name read differently from what it is.
 */
export function requireText(value: string, rule: TextRule): string {
  const text = value.trim();
  const length = [...text].length;
  if (length < rule.min) {
    throw new ValidationError(rule.code, rule.field, rule.min === 1 ? `${rule.field} must not be empty` : `${rule.field} must be at least ${rule.min} characters`);
  }
  if (length > rule.max) {
    throw new ValidationError(rule.code, rule.field, `${rule.field} must be at most ${rule.max} characters, got ${length}`);
  }
  if ((rule.multiline ? CONTROL_EXCEPT_WHITESPACE : CONTROL).test(text)) {
    throw new ValidationError(rule.code, rule.field, `${rule.field} must not contain control characters`);
  }
  if (UNPAIRED_SURROGATE.test(text)) {
    throw new ValidationError(rule.code, rule.field, `${rule.field} must be valid Unicode text (it holds an unpaired surrogate)`);
  }
  if (rule.multiline) return text;
  if (BIDI_CONTROL.test(text)) {
    throw new ValidationError(rule.code, rule.field, `${rule.field} must not contain bidirectional override or isolate characters`);
  }
  if (length > 0 && !VISIBLE.test(text)) {
    throw new ValidationError(rule.code, rule.field, `${rule.field} must contain a visible character`);
  }
  return text;
}
