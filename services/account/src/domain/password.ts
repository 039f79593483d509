import { ValidationError } from '@shop/errors';
import { AccountErrorCode } from './account-errors.js';

/** API.md: passwords are 8 to 128 characters (code points, so an emoji counts once). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Checks a new password against the length rule, naming `field`; returns it unchanged (passwords are never
 * trimmed). A 10 KB "password" is refused here, before it could cost a hash.
 */
export function requirePassword(value: string, field: string): string {
  // Counting code points of a huge string is itself work; its UTF-16 length already bounds the answer.
  const length = value.length > PASSWORD_MAX_LENGTH * 2 ? value.length : [...value].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new ValidationError(AccountErrorCode.invalidPassword, field, `${field} must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new ValidationError(AccountErrorCode.invalidPassword, field, `${field} must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  return value;
}

/** A password given to sign in: not checked against the rule (an old password may predate it), only bounded. */
export function requireGivenPassword(value: string, field: string): string {
  if (value.length === 0) throw new ValidationError(AccountErrorCode.invalidPassword, field, `${field} must not be empty`);
  if (value.length > PASSWORD_MAX_LENGTH * 2) {
    throw new ValidationError(AccountErrorCode.invalidPassword, field, `${field} must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  return value;
}
