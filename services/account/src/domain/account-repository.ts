import type { Actor, HistoryRange } from '@shop/events';
import type { Account } from './account.js';
import type { AccountHistoryEntry } from './account-events.js';

/** Where a keyset page starts: after the account with this creation time and id (newest first). */
export interface AccountCursor {
  createdAt: Date;
  id: string;
}

/** Who a change is recorded as made by (re-exported for the repositories). */
export type { Actor };

/**
 * The storage port of accounts. Implementations: Postgres, and in-memory for unit tests; one contract
 * suite runs against both. Emails are unique case-insensitively: add/update throw EmailTakenError.
 * Every change records its event (created, updated with the changed fields, deleted) and its actor in the same
 * transaction, so a use case cannot change an account without its history knowing who did it.
 */
export interface AccountRepository {
  add(account: Account, actor: Actor): Promise<void>;
  get(id: string): Promise<Account | undefined>;
  /** The accounts with these ids, in the order asked for; unknown ids are left out. */
  getMany(ids: readonly string[]): Promise<Account[]>;
  /** Up to `limit` accounts, newest first, after `after` when given. */
  list(limit: number, after?: AccountCursor): Promise<Account[]>;
  /**
   * Loads the account, applies `change` and stores the result in one transaction (the row is locked meanwhile).
   * Throws AccountNotFoundError when there is no such account.
   */
  update(id: string, change: (account: Account) => Account, actor: Actor): Promise<Account>;
  /** Removes the account; false when there was none. Its history stays. */
  delete(id: string, actor: Actor): Promise<boolean>;
  /** A page of the account's recorded changes, oldest first (the first 50 without `range`); empty when it never existed. */
  history(id: string, range?: HistoryRange): Promise<AccountHistoryEntry[]>;
  /** The same page of the history of each id, in the order of `ids`, in one read. */
  histories(ids: readonly string[], range: HistoryRange): Promise<AccountHistoryEntry[][]>;
}
