import type { AccountRole } from '../domain/account.js';

/** Hashes and checks passwords (argon2id); implemented at the edge, wired in app.ts. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * True when `password` matches `hash`. With no hash (unknown email, account without a password) it still
   * spends a hash's time and answers false, so a failed login does not tell which it was.
   */
  verify(hash: string | undefined, password: string): Promise<boolean>;
}

/** Signs access tokens; the account service's signing key behind it. */
export interface AccessTokenIssuer {
  /** A token for the account with this role, issued at `issuedAt` (whole seconds). */
  issue(accountId: string, role: AccountRole, issuedAt: number): Promise<{ token: string; expiresAt: Date }>;
}
