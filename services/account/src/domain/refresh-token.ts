import { createHash, randomBytes } from 'node:crypto';

/** A new opaque refresh token: 256 random bits, base64url (43 characters). */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True when `value` has the shape of a refresh token; anything else is refused without a database read. */
export function isRefreshTokenShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * What is stored of a refresh token: its SHA-256. The token has 256 random bits, so a fast hash suffices (no
 * guessing attack to slow down), and a copy of the table signs nobody in.
 */
export function refreshTokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
