import { createHash } from 'node:crypto';
import { ValidationError } from '@shop/errors';
import type { Account } from './account.js';
import { AccountErrorCode } from './account-errors.js';

/** How long a createAccount request_id is remembered: a repeat within it answers the account it made. */
export const CREATE_REQUEST_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The longest request_id, in characters (the client sends a UUID). */
export const MAX_REQUEST_ID_LENGTH = 100;

/**
 * What a createAccount with a request_id leaves in storage, in the account's transaction: the id, the fingerprint
 * of the request, and the time before which an earlier record of the id no longer counts.
 */
export interface CreateRequestClaim {
  requestId: string;
  fingerprint: string;
  liveSince: Date;
}

/** A live record of a request_id: its request's fingerprint and the account it made. */
export interface CreateRequestRecord {
  fingerprint: string;
  accountId: string;
}

/** The request_id of a createAccount, or undefined for none (the wire's empty string); 1 to 100 characters, no control characters. */
export function parseRequestId(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if ([...value].length > MAX_REQUEST_ID_LENGTH || /[\p{Cc}\p{Cs}]/u.test(value)) {
    throw new ValidationError(AccountErrorCode.invalidRequestId, 'requestId', `requestId must be 1 to ${MAX_REQUEST_ID_LENGTH} characters without control characters`);
  }
  return value;
}

/**
 * The SHA-256 of what makes two createAccount requests the same: the checked name, email and role, and whether a
 * password was given. Not the password itself: its plain hash would be a cheap way to guess it.
 */
export function createFingerprint(account: Account, withPassword: boolean): string {
  return createHash('sha256')
    .update(JSON.stringify([account.name, account.email.toLowerCase(), account.role, withPassword]))
    .digest('hex');
}
