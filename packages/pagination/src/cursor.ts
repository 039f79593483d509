import { ValidationError } from '@shop/errors';

/**
 * An opaque keyset cursor: the sort key of the last item of a page, as a JSON array of strings,
 * base64url-encoded so clients treat it as a token and not as data.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Reads a cursor made by encodeCursor; an empty token means the first page (undefined).
 * A token that is not one of ours, or has the wrong number of parts, is a ValidationError naming the field.
 */
export function decodeCursor(token: string, parts: number, field: string, code: string): string[] | undefined {
  if (token === '') return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== parts || !key.every((part) => typeof part === 'string')) {
    throw new ValidationError(code, field, `${field} is not a valid page token`);
  }
  return key;
}
