import { invalidCursor } from './cursor-values.js';

// The longest token any list issues is under 200 characters; a longer one is refused before it is decoded.
const LONGEST_TOKEN = 512;

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
    key = token.length <= LONGEST_TOKEN ? JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) : undefined;
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== parts || !key.every((part) => typeof part === 'string')) {
    throw invalidCursor(field, code);
  }
  return key;
}
