import { FIRST_HISTORY_PAGE, historyInRange, MemoryOutbox, type HistoryRange } from '@shop/events';
import { newestFirst } from '@shop/pagination';
import type { Account } from '../domain/account.js';
import { AccountNotFoundError, EmailTakenError } from '../domain/account-errors.js';
import { changedFields, type AccountEvent, type AccountEventCodec, type AccountHistoryEntry } from '../domain/account-events.js';
import type { AccountCursor, AccountRepository, Actor } from '../domain/account-repository.js';

/** AccountRepository in memory: for unit tests of the service, held to the same contract suite as Postgres. */
export class AccountMemoryRepository implements AccountRepository {
  private readonly accounts = new Map<string, { account: Account; version: number }>();
  private readonly outbox: MemoryOutbox<AccountEvent>;

  constructor(events: AccountEventCodec) {
    this.outbox = new MemoryOutbox(events);
  }

  async add(account: Account, actor: Actor): Promise<void> {
    this.assertEmailFree(account.email, account.id);
    this.accounts.set(account.id, { account, version: 1 });
    this.outbox.record([{ kind: 'created', account }], 1, account.createdAt, actor);
  }

  async get(id: string): Promise<Account | undefined> {
    return this.accounts.get(id)?.account;
  }

  async getMany(ids: readonly string[]): Promise<Account[]> {
    return ids.flatMap((id) => this.accounts.get(id)?.account ?? []);
  }

  async list(limit: number, after?: AccountCursor): Promise<Account[]> {
    return [...this.accounts.values()]
      .map((stored) => stored.account)
      .sort(newestFirst)
      .filter((account) => !after || newestFirst(account, after) > 0)
      .slice(0, limit);
  }

  async update(id: string, change: (account: Account) => Account, actor: Actor): Promise<Account> {
    const current = this.accounts.get(id);
    if (!current) throw new AccountNotFoundError(id);
    const changed = change(current.account);
    this.assertEmailFree(changed.email, id);
    const fields = changedFields(current.account, changed);
    const version = current.version + (fields.length > 0 ? 1 : 0);
    this.accounts.set(id, { account: changed, version });
    if (fields.length > 0) this.outbox.record([{ kind: 'updated', account: changed, changedFields: fields }], version, changed.updatedAt, actor);
    return changed;
  }

  async delete(id: string, actor: Actor): Promise<boolean> {
    const current = this.accounts.get(id);
    if (!current) return false;
    this.accounts.delete(id);
    this.outbox.record([{ kind: 'deleted', accountId: id }], current.version + 1, new Date(), actor);
    return true;
  }

  async history(id: string, range: HistoryRange = FIRST_HISTORY_PAGE): Promise<AccountHistoryEntry[]> {
    return historyInRange(this.outbox.history(id), range);
  }

  async histories(ids: readonly string[], range: HistoryRange): Promise<AccountHistoryEntry[][]> {
    return ids.map((id) => historyInRange(this.outbox.history(id), range));
  }

  private assertEmailFree(email: string, ownerId: string): void {
    const lower = email.toLowerCase();
    for (const { account } of this.accounts.values()) {
      if (account.id !== ownerId && account.email.toLowerCase() === lower) throw new EmailTakenError(email);
    }
  }
}
