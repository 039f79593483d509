import { CachedRepository, VersionedCache, type CacheBounds } from '@shop/read-cache';
import type { Account, AccountRole } from '../domain/account.js';
import type { AccountHistoryEntry } from '../domain/account-events.js';
import type { AccountCursor, AccountRepository, Actor } from '../domain/account-repository.js';
import type { CredentialRepository, Rotation, SignInRecord } from '../domain/credentials.js';
import type { CreateRequestClaim, CreateRequestRecord } from '../domain/create-request.js';
import type { AccountPgRepository } from './account-pg-repository.js';

/** An account's size in memory, roughly: its strings (two bytes a character) and a fixed part for the rest. */
export function accountBytes(account: Account): number {
  return 2 * (account.id.length + account.name.length + account.email.length) + 300;
}

/** The cache of decoded accounts the service keeps (ACCOUNT_CACHE_MAX_ENTRIES, ACCOUNT_CACHE_MAX_BYTES). */
export function accountCache(bounds: CacheBounds): VersionedCache<Account> {
  return new VersionedCache<Account>(bounds, accountBytes);
}

/** AccountRepository on Postgres with the account cache in front of get and getMany. */
export function cachedAccountRepository(store: AccountPgRepository, cache: VersionedCache<Account>): AccountRepository {
  return new CachedRepository<Account, AccountCursor, AccountHistoryEntry, Actor>(store, cache);
}

/**
 * The credential repository with the account cache told of its changes: a role or password change rewrites the
 * account's row outside AccountRepository, so the account is forgotten once the change is committed. Sign-in reads
 * (findByEmail, findById) never use the cache: they answer from Postgres.
 */
export class CacheInvalidatingCredentials implements CredentialRepository {
  constructor(
    private readonly store: CredentialRepository,
    private readonly cache: Pick<VersionedCache<Account>, 'invalidate'>,
  ) {}

  async addWithPassword(account: Account, passwordHash: string | undefined, actor: Actor, claim?: CreateRequestClaim): Promise<void> {
    await this.store.addWithPassword(account, passwordHash, actor, claim);
    this.cache.invalidate(account.id);
  }

  async changePassword(accountId: string, passwordHash: string, now: Date, actor: Actor): Promise<SignInRecord> {
    try {
      return await this.store.changePassword(accountId, passwordHash, now, actor);
    } finally {
      this.cache.invalidate(accountId);
    }
  }

  async changeRole(accountId: string, role: AccountRole, now: Date, actor: Actor): Promise<Account> {
    try {
      return await this.store.changeRole(accountId, role, now, actor);
    } finally {
      this.cache.invalidate(accountId);
    }
  }

  findCreateRequest(requestId: string, liveSince: Date): Promise<CreateRequestRecord | undefined> {
    return this.store.findCreateRequest(requestId, liveSince);
  }

  pruneCreateRequests(before: Date): Promise<number> {
    return this.store.pruneCreateRequests(before);
  }

  findByEmail(email: string): Promise<SignInRecord | undefined> {
    return this.store.findByEmail(email);
  }

  findById(accountId: string): Promise<SignInRecord | undefined> {
    return this.store.findById(accountId);
  }

  startSession(accountId: string, tokenHash: Buffer, expiresAt: Date, now: Date): Promise<void> {
    return this.store.startSession(accountId, tokenHash, expiresAt, now);
  }

  rotateSession(tokenHash: Buffer, successorHash: Buffer, expiresAt: Date, now: Date): Promise<Rotation> {
    return this.store.rotateSession(tokenHash, successorHash, expiresAt, now);
  }

  endSession(accountId: string, tokenHash: Buffer, now: Date): Promise<boolean> {
    return this.store.endSession(accountId, tokenHash, now);
  }
}
