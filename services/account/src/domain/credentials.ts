import type { Account, AccountRole } from './account.js';
import type { CreateRequestClaim, CreateRequestRecord } from './create-request.js';
import type { Actor } from './account-repository.js';

/** What signing in needs of an account: the account, its password hash (none: it cannot sign in), its revocation mark. */
export interface SignInRecord {
  account: Account;
  passwordHash: string | undefined;
  /** Whole seconds; tokens issued before this are revoked. 0 when nothing was ever revoked. */
  tokensNotBefore: number;
}

/** How a refresh token's rotation ended. */
export type Rotation =
  | { outcome: 'rotated'; record: SignInRecord }
  /** The token was used before: every session of the account was revoked (and an event written). */
  | { outcome: 'reused' }
  /** Unknown, expired or revoked. */
  | { outcome: 'invalid' };

/**
 * The storage port of credentials and sessions (Postgres). Every change that revokes tokens bumps the account's
 * `tokensNotBefore` and writes its revocation event in the same transaction as the change.
 */
export interface CredentialRepository {
  /**
   * Stores a new account with its password hash (none: it cannot sign in) in one transaction with its event, and
   * with `claim` the record of its request_id. When a live record already holds the request_id (a concurrent
   * attempt of the same call committed first), stores nothing and throws CreateRequestTakenError.
   */
  addWithPassword(account: Account, passwordHash: string | undefined, actor: Actor, claim?: CreateRequestClaim): Promise<void>;
  /** The record of a createAccount request_id, unless older than `liveSince`. */
  findCreateRequest(requestId: string, liveSince: Date): Promise<CreateRequestRecord | undefined>;
  /** Deletes request_id records older than `before`; how many. */
  pruneCreateRequests(before: Date): Promise<number>;
  /** The sign-in record of the account with this email, compared case-insensitively. */
  findByEmail(email: string): Promise<SignInRecord | undefined>;
  findById(accountId: string): Promise<SignInRecord | undefined>;
  /** A new password: revokes every session and every earlier token (AccountPasswordChanged). AccountNotFoundError when missing. */
  changePassword(accountId: string, passwordHash: string, now: Date, actor: Actor): Promise<SignInRecord>;
  /** A new role: revokes earlier tokens (AccountRoleChanged); the same role changes nothing. AccountNotFoundError when missing. */
  changeRole(accountId: string, role: AccountRole, now: Date, actor: Actor): Promise<Account>;
  /** Stores a refresh token (its hash) opening a new session family. */
  startSession(accountId: string, tokenHash: Buffer, expiresAt: Date, now: Date): Promise<void>;
  /**
   * Uses a refresh token once: marks it used and stores its successor in the same family. A token used before
   * revokes every session of its account and every access token (AccountSessionsRevoked, actor: the system).
   */
  rotateSession(tokenHash: Buffer, successorHash: Buffer, expiresAt: Date, now: Date): Promise<Rotation>;
  /** Revokes the session of this refresh token when it is the account's and still live; false otherwise. */
  endSession(accountId: string, tokenHash: Buffer, now: Date): Promise<boolean>;
}

/** How counting a login attempt went: admitted (and counted), or refused with the failures that fill the window. */
export type AttemptCount = { admitted: true } | { admitted: false; failures: Date[] };

/**
 * The failed logins of one email in the throttling window; Postgres, so every replica counts the same. An attempt
 * is counted as a failure when it is admitted, and the count cleared when it succeeds: counted only after a wrong
 * password, parallel guesses would all pass the check before any of them was counted.
 */
export interface LoginThrottle {
  /**
   * Counts an attempt for `emailKey` at `at`, unless `limit` failures since `since` are counted already: then
   * counts nothing and answers those failures, oldest first. Atomic per email.
   */
  countAttempt(emailKey: string, at: Date, since: Date, limit: number): Promise<AttemptCount>;
  clear(emailKey: string): Promise<void>;
  /** Deletes failures older than `before`, which no window can count any more. */
  prune(before: Date): Promise<number>;
}
