import { ValidationError } from '@shop/errors';
import { isVisible, type UseCaseHooks } from '@shop/hooks';
import { actorOf, isAccount, type Caller } from '@shop/identity';
import { parseId } from '@shop/ids';
import { decodeTimeIdCursor, encodeTimeIdCursor, parsePageSize, parseVersionPage, toPage, type Page, type VersionPageFields, type VersionPageRequest } from '@shop/pagination';
import type { Account, AccountChanges } from '../domain/account.js';
import { AccountErrorCode, AccountNotFoundError } from '../domain/account-errors.js';
import type { AccountHistoryEntry } from '../domain/account-events.js';
import type { AccountRepository } from '../domain/account-repository.js';
import type { AccountOperations } from './account-operations.js';

/** The most ids one batch read may ask for. */
export const MAX_BATCH_IDS = 1_000;

/** The fields a refused history page request names. */
const HISTORY_PAGE_FIELDS: VersionPageFields = {
  pageSize: { field: 'page_size', code: AccountErrorCode.invalidPageSize },
  afterVersion: { field: 'after_version', code: AccountErrorCode.invalidAfterVersion },
};

/**
 * The account profile use cases: read, list, change, delete, history. Each runs inside the service's hooks, the
 * access rule first; a customer sees only its own account, any other answers as if it did not exist. Input is
 * validated here or in the domain before anything is written. Accounts are created by IdentityService.
 */
export class AccountService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hooks: UseCaseHooks<AccountOperations>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(caller: Caller, id: string): Promise<Account> {
    return this.hooks.run('getAccount', caller, { id }, async (input, scope) => {
      const accountId = parseId(input.id, 'id', AccountErrorCode.invalidId);
      const account = isVisible(scope, accountId) ? await this.accounts.get(accountId) : undefined;
      if (!account) throw new AccountNotFoundError(accountId);
      return account;
    });
  }

  /** Accounts for the ids, in their order, unknown (and, for customers, others') ids left out; duplicates answered once per occurrence. */
  getMany(caller: Caller, ids: readonly string[]): Promise<Account[]> {
    return this.hooks.run('getAccounts', caller, { ids }, async (input, scope) => {
      if (input.ids.length > MAX_BATCH_IDS) {
        throw new ValidationError(AccountErrorCode.invalidId, 'ids', `ids must hold at most ${MAX_BATCH_IDS} ids, got ${input.ids.length}`);
      }
      const parsed = input.ids.map((id, index) => parseId(id, `ids[${index}]`, AccountErrorCode.invalidId));
      const visible = [...new Set(parsed)].filter((id) => isVisible(scope, id));
      const found = new Map((await this.accounts.getMany(visible)).map((account) => [account.id, account]));
      return parsed.flatMap((id) => found.get(id) ?? []);
    });
  }

  list(caller: Caller, pageSize: number, pageToken: string): Promise<Page<Account>> {
    return this.hooks.run('listAccounts', caller, { pageSize, pageToken }, async (input) => {
      const size = parsePageSize(input.pageSize, 'page_size', AccountErrorCode.invalidPageSize);
      const after = decodeTimeIdCursor(input.pageToken, 'page_token', AccountErrorCode.invalidPageToken);
      const rows = await this.accounts.list(size + 1, after);
      return toPage(rows, size, encodeTimeIdCursor);
    });
  }

  update(caller: Caller, id: string, changes: AccountChanges): Promise<Account> {
    return this.hooks.run('updateAccount', caller, { id, changes }, async (input, scope) => {
      const accountId = parseId(input.id, 'id', AccountErrorCode.invalidId);
      if (!isVisible(scope, accountId)) throw new AccountNotFoundError(accountId);
      return this.accounts.update(accountId, (account) => account.update(input.changes, this.now()), actorOf(caller));
    });
  }

  /** A page of the account's changes, oldest first, also after deletion; empty for an id that never existed (or is not the caller's). */
  history(caller: Caller, id: string, page: VersionPageRequest = {}): Promise<AccountHistoryEntry[]> {
    return this.hooks.run('listHistory', caller, { id, ...page }, async (input, scope) => {
      const accountId = parseId(input.id, 'id', AccountErrorCode.invalidId);
      const range = parseVersionPage(input, HISTORY_PAGE_FIELDS);
      return isVisible(scope, accountId) ? this.accounts.history(accountId, range) : [];
    });
  }

  /** history() of many accounts in one read: the same page of each, in the order of `ids`; an account the caller may not see has an empty one. */
  histories(caller: Caller, ids: readonly string[], page: VersionPageRequest = {}): Promise<AccountHistoryEntry[][]> {
    return this.hooks.run('listHistories', caller, { ids, ...page }, async (input, scope) => {
      if (input.ids.length > MAX_BATCH_IDS) {
        throw new ValidationError(AccountErrorCode.invalidId, 'ids', `ids must hold at most ${MAX_BATCH_IDS} ids, got ${input.ids.length}`);
      }
      const parsed = input.ids.map((id, index) => parseId(id, `ids[${index}]`, AccountErrorCode.invalidId));
      const range = parseVersionPage(input, HISTORY_PAGE_FIELDS);
      const visible = [...new Set(parsed)].filter((id) => isVisible(scope, id));
      const pages = await this.accounts.histories(visible, range);
      const byId = new Map(visible.map((id, index) => [id, pages[index]!]));
      return parsed.map((id) => byId.get(id) ?? []);
    });
  }

  delete(caller: Caller, id: string): Promise<void> {
    return this.hooks.run('deleteAccount', caller, { id }, async (input) => {
      const accountId = parseId(input.id, 'id', AccountErrorCode.invalidId);
      if (!(await this.accounts.delete(accountId, actorOf(caller)))) throw new AccountNotFoundError(accountId);
    });
  }

  /** The caller's own account; undefined for an anonymous caller (or an account deleted since its token was issued). */
  me(caller: Caller): Promise<Account | undefined> {
    return this.hooks.run('getMe', caller, {}, async () => (isAccount(caller) ? this.accounts.get(caller.accountId) : undefined));
  }
}
