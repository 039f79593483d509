import { newestFirst } from '@shop/pagination';
import type { Account } from '../domain/account.js';
import { AccountNotFoundError, EmailTakenError } from '../domain/account-errors.js';
import type { AccountCursor, AccountRepository } from '../domain/account-repository.js';

/** AccountRepository in memory: for unit tests of the service, held to the same contract suite as Postgres. */
export class AccountMemoryRepository implements AccountRepository {
  private readonly accounts = new Map<string, Account>();

  async add(account: Account): Promise<void> {
    this.assertEmailFree(account.email, account.id);
    this.accounts.set(account.id, account);
  }

  async get(id: string): Promise<Account | undefined> {
    return this.accounts.get(id);
  }

  async getMany(ids: readonly string[]): Promise<Account[]> {
    return ids.flatMap((id) => {
      const account = this.accounts.get(id);
      return account ? [account] : [];
    });
  }

  async list(limit: number, after?: AccountCursor): Promise<Account[]> {
    return [...this.accounts.values()]
      .sort(newestFirst)
      .filter((account) => !after || newestFirst(account, after) > 0)
      .slice(0, limit);
  }

  async update(id: string, change: (account: Account) => Account): Promise<Account> {
    const current = this.accounts.get(id);
    if (!current) throw new AccountNotFoundError(id);
    const changed = change(current);
    this.assertEmailFree(changed.email, id);
    this.accounts.set(id, changed);
    return changed;
  }

  async delete(id: string): Promise<boolean> {
    return this.accounts.delete(id);
  }

  private assertEmailFree(email: string, ownerId: string): void {
    const lower = email.toLowerCase();
    for (const account of this.accounts.values()) {
      if (account.id !== ownerId && account.email.toLowerCase() === lower) throw new EmailTakenError(email);
    }
  }
}
