import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '@shop/errors';
import { MAX_FIRST } from '../input/arguments.js';
import { GatewayErrorCode } from '../input/input-error-codes.js';
import type { CursorList } from './cursor-lists.js';

/**
 * Where a page starts: the service token to read from ('' for the first page), then items to skip. Services answer
 * a page with one token, the one after its last item; every other edge is "the n-th item after token T".
 */
export interface PagePosition {
  pageToken: string;
  skip: number;
}

// A cursor is `<service token>.<skip>.<mac>`: the service's token (base64url, so it holds no '.'), how many items
// after it the page starts, and the first 128 bits of an HMAC-SHA256 over both and the name of the list, base64url.
const CURSOR = /^([A-Za-z0-9_-]{0,512})\.(0|[1-9][0-9]{0,2})\.([A-Za-z0-9_-]{22})$/;
const MAC_BYTES = 16;

/**
 * Signs the cursors the gateway issues and checks the ones clients send back. A cursor names its list (see
 * cursor-lists.ts), so one from another list is refused like a modified one, and the values inside it are checked
 * too: every refusal is BAD_USER_INPUT on `after`, before any service is called.
 */
export class CursorSigner {
  private readonly key: Buffer;

  /** `secret` is CURSOR_SECRET: every gateway instance needs the same, or it refuses the others' cursors. */
  constructor(secret: string) {
    this.key = Buffer.from(secret, 'utf8');
  }

  /** A signer with a key of its own, for a gateway built without CURSOR_SECRET (tests, benches): its cursors work only in it. */
  static withRandomKey(): CursorSigner {
    return new CursorSigner(randomBytes(32).toString('base64url'));
  }

  /** The cursor of `position` in `list`. */
  sign(list: CursorList, position: PagePosition): string {
    return `${position.pageToken}.${position.skip}.${this.mac(list, position).toString('base64url')}`;
  }

  /** Reads an `after` argument of `list`: nothing is the first page; anything but a cursor this gateway signed for that list is refused. */
  read(list: CursorList, after: string | null | undefined): PagePosition {
    if (!after) return { pageToken: '', skip: 0 };
    const parts = CURSOR.exec(after);
    if (!parts) throw invalidAfter('after is not a cursor');
    const position = { pageToken: parts[1]!, skip: Number(parts[2]) };
    // Compared as text, not as decoded bytes: the last base64url character has spare bits, and a cursor with
    // another spelling of the same signature is still a modified cursor.
    const mac = Buffer.from(parts[3]!, 'ascii');
    if (position.skip > MAX_FIRST || !timingSafeEqual(mac, Buffer.from(this.mac(list, position).toString('base64url'), 'ascii'))) {
      throw invalidAfter(`after is not a cursor of ${list.description}`);
    }
    // Signed by us, so written by a service; checked anyway, so a leaked key cannot aim odd values at the stores.
    if (position.pageToken !== '' && !list.isPageToken(position.pageToken)) throw invalidAfter('after holds values out of range');
    return position;
  }

  private mac(list: CursorList, position: PagePosition): Buffer {
    const signed = JSON.stringify(['shop-cursor-v1', list.name, position.pageToken, position.skip]);
    return createHmac('sha256', this.key).update(signed).digest().subarray(0, MAC_BYTES);
  }
}

function invalidAfter(message: string): ValidationError {
  return new ValidationError(GatewayErrorCode.invalidCursor, 'after', message);
}
