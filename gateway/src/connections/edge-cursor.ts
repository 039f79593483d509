import { ValidationError } from '@shop/errors';
import { GatewayErrorCode } from '../input/input-error-codes.js';
import { MAX_FIRST } from '../input/arguments.js';

// Services answer a page with one token: the one that continues after its last item. Every other edge gets a
// cursor of the gateway's own: "the n-th item after service token T", where T is the token the page was read
// from. Resuming from it costs one extra page call (of n items) to find the service token after that item.
// The prefix cannot start a service token (those are base64url: no '.'), so both kinds can be told apart.
const PREFIX = 'gw1.';

/** Where a page starts: the service token to read from ('' for the first page), then items to skip. */
export interface PagePosition {
  pageToken: string;
  skip: number;
}

/** The cursor of the item `offset` places after `pageToken` (offset 1 = the first item read from it). */
export function encodeEdgeCursor(pageToken: string, offset: number): string {
  return PREFIX + Buffer.from(JSON.stringify([pageToken, offset]), 'utf8').toString('base64url');
}

/**
 * Reads an `after` argument: empty means the first page, a gateway cursor a token plus items to skip, anything
 * else is passed to the service as its own token (which the service checks, and faults name `after`).
 */
export function readAfter(after: string | null | undefined): PagePosition {
  if (!after) return { pageToken: '', skip: 0 };
  if (!after.startsWith(PREFIX)) return { pageToken: after, skip: 0 };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(after.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (!isPosition(decoded)) throw new ValidationError(GatewayErrorCode.invalidCursor, 'after', 'after is not a valid cursor');
  return { pageToken: decoded[0], skip: decoded[1] };
}

function isPosition(value: unknown): value is [string, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    Number.isInteger(value[1]) &&
    (value[1] as number) >= 1 &&
    (value[1] as number) <= MAX_FIRST
  );
}
