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

/** Trims `value` and checks it against `rule`; returns the trimmed text or throws a ValidationError naming the field. */
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
  return text;
}
