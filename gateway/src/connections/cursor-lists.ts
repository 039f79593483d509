import { decodeScoreTimeIdCursor, decodeTimeIdCursor } from '@shop/pagination';
import { GatewayErrorCode } from '../input/input-error-codes.js';

/**
 * A list the gateway issues cursors for. Its name goes into every cursor's signature, so a cursor works only in
 * the list it came from; `isPageToken` checks the values of a service token of that list (its kind of keyset).
 */
export interface CursorList {
  /** What the signature covers: the list, with the query text or account that makes it this list. */
  readonly name: string;
  /** How an error message names the list. */
  readonly description: string;
  isPageToken(token: string): boolean;
}

/** True when `decode` reads the token without refusing it (time, score and id in range). */
function readsAs(decode: (token: string, field: string, code: string) => unknown): (token: string) => boolean {
  return (token) => {
    try {
      decode(token, 'after', GatewayErrorCode.invalidCursor);
      return true;
    } catch {
      return false;
    }
  };
}

const isTimeIdToken = readsAs(decodeTimeIdCursor);
const isScoreTimeIdToken = readsAs(decodeScoreTimeIdCursor);

/** Query.accounts: every account, newest first. */
export const ACCOUNTS: CursorList = { name: JSON.stringify(['accounts']), description: 'accounts', isPageToken: isTimeIdToken };

/** Query.products without a query: every product, newest first. */
export const PRODUCTS: CursorList = { name: JSON.stringify(['products']), description: 'products', isPageToken: isTimeIdToken };

/** Query.products(query): the hits of exactly this query text, best first. */
export function productSearch(query: string): CursorList {
  return { name: JSON.stringify(['products-search', query]), description: 'this products search', isPageToken: isScoreTimeIdToken };
}

/** Query.orders(accountId) and Account.orders: one account's orders, newest first. `accountId` is lower-case, as requireId answers it. */
export function ordersOf(accountId: string): CursorList {
  return { name: JSON.stringify(['orders', accountId]), description: "this account's orders", isPageToken: isTimeIdToken };
}
