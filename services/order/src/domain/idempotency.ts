import { createHash } from 'node:crypto';
import { ValidationError } from '@shop/errors';
import { OrderErrorCode } from './order-errors.js';
import type { OrderRequest } from './order-request.js';

/** How long a createOrder key is remembered (API.md: 24 hours): a repeat within it answers the first order. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The longest idempotency key, in characters (API.md: 1..100). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 100;

/**
 * What a keyed createOrder leaves in storage, written with the order in one transaction: the key, the
 * fingerprint of the request, and the time before which an earlier record of the key no longer counts.
 */
export interface IdempotencyClaim {
  key: string;
  fingerprint: string;
  liveSince: Date;
}

/** A live record of a key: the request it came with (its fingerprint) and the order it made. */
export interface IdempotencyRecord {
  fingerprint: string;
  orderId: string;
}

/**
 * The key of a createOrder, or undefined for none (the wire's empty string). 1 to 100 characters, none of them a
 * control character or half a surrogate pair (Postgres cannot store NUL, and neither belongs in a key);
 * BAD_USER_INPUT on `idempotencyKey`.
 */
export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const length = [...value].length;
  if (length > MAX_IDEMPOTENCY_KEY_LENGTH || /[\p{Cc}\p{Cs}]/u.test(value)) {
    throw new ValidationError(
      OrderErrorCode.invalidIdempotencyKey,
      'idempotencyKey',
      `idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters without control characters${length > MAX_IDEMPOTENCY_KEY_LENGTH ? `, got ${length}` : ''}`,
    );
  }
  return value;
}

/**
 * The SHA-256 of what makes two requests the same: the account and each product with its quantity, in product
 * order (ids are lower-cased by parseOrderRequest), so a resend with its lines in another order is the same request.
 */
export function fingerprintOf(request: OrderRequest): string {
  const lines = request.items.map((item) => [item.productId, item.quantity]).sort(([a], [b]) => (a! < b! ? -1 : 1));
  return createHash('sha256').update(JSON.stringify([request.accountId, lines])).digest('hex');
}
