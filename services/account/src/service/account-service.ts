import { parseId } from '@shop/ids';
import { decodeTimeIdCursor, encodeTimeIdCursor, parsePageSize, toPage, type Page } from '@shop/pagination';
import { ValidationError } from '@shop/errors';
import { Account, type AccountChanges } from '../domain/account.js';
import { AccountErrorCode, AccountNotFoundError } from '../domain/account-errors.js';
import type { AccountHistoryEntry } from '../domain/account-events.js';
import type { AccountRepository } from '../domain/account-repository.js';

/** The most ids one batch read may ask for. */
export const MAX_BATCH_IDS = 1_000;

/** The account use cases. Input is validated here or in the domain before anything is written. */
export class AccountService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(input: { name: string; email: string }): Promise<Account> {
    const account = Account.create(input, this.now());
    await this.accounts.add(account);
    return account;
  }

  async get(id: string): Promise<Account> {
    const accountId = parseId(id, 'id', AccountErrorCode.invalidId);
    const account = await this.accounts.get(accountId);
    if (!account) throw new AccountNotFoundError(accountId);
    return account;
  }

  /** Accounts for the ids, in their order, unknown ids left out; duplicates are answered once per occurrence. */
  async getMany(ids: readonly string[]): Promise<Account[]> {
    if (ids.length > MAX_BATCH_IDS) {
      throw new ValidationError(AccountErrorCode.invalidId, 'ids', `ids must hold at most ${MAX_BATCH_IDS} ids, got ${ids.length}`);
    }
    const parsed = ids.map((id, index) => parseId(id, `ids[${index}]`, AccountErrorCode.invalidId));
    const found = new Map((await this.accounts.getMany([...new Set(parsed)])).map((account) => [account.id, account]));
    return parsed.flatMap((id) => {
      const account = found.get(id);
      return account ? [account] : [];
    });
  }

  async list(pageSize: number, pageToken: string): Promise<Page<Account>> {
    const size = parsePageSize(pageSize, 'page_size', AccountErrorCode.invalidPageSize);
    const after = decodeTimeIdCursor(pageToken, 'page_token', AccountErrorCode.invalidPageToken);
    const rows = await this.accounts.list(size + 1, after);
    return toPage(rows, size, encodeTimeIdCursor);
  }

  async update(id: string, changes: AccountChanges): Promise<Account> {
    const accountId = parseId(id, 'id', AccountErrorCode.invalidId);
    return this.accounts.update(accountId, (account) => account.update(changes, this.now()));
  }

  /** Every change of the account, oldest first, also after deletion; empty for an id that never existed. */
  async history(id: string): Promise<AccountHistoryEntry[]> {
    return this.accounts.history(parseId(id, 'id', AccountErrorCode.invalidId));
  }

  async delete(id: string): Promise<void> {
    const accountId = parseId(id, 'id', AccountErrorCode.invalidId);
    if (!(await this.accounts.delete(accountId))) throw new AccountNotFoundError(accountId);
  }
}
