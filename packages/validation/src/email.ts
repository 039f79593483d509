import { ValidationError } from '@shop/errors';

/** The longest address SMTP can carry (RFC 5321). */
export const MAX_EMAIL_LENGTH = 254;

// The WHATWG HTML "valid e-mail address" grammar, with at least one dot in the domain.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** Trims and checks an email address's syntax; returns it as written (case kept), or throws naming the field. */
export function requireEmail(value: string, field: string, code: string): string {
  const email = value.trim();
  if (email === '') throw new ValidationError(code, field, `${field} must not be empty`);
  if (email.length > MAX_EMAIL_LENGTH) {
    throw new ValidationError(code, field, `${field} must be at most ${MAX_EMAIL_LENGTH} characters`);
  }
  const local = email.slice(0, email.lastIndexOf('@'));
  if (!EMAIL.test(email) || local.length > 64) {
    throw new ValidationError(code, field, `${field} is not a valid email address`);
  }
  return email;
}
