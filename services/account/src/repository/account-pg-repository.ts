import { FIRST_HISTORY_PAGE, type HistoryRange } from '@shop/events';
import { readHistories, readHistory } from '@shop/outbox';
import { mapConnectionErrors, withTransaction, type Pool } from '@shop/postgres';
import type { Versioned } from '@shop/read-cache';
import type { Account } from '../domain/account.js';
import { AccountStoreUnavailableError } from '../domain/account-errors.js';
import { changedFields, type AccountEventCodec, type AccountHistoryEntry } from '../domain/account-events.js';
import type { AccountCursor, AccountRepository, Actor } from '../domain/account-repository.js';
import { ACCOUNT_COLUMNS, toDomain, type AccountRow } from './account-row.js';
import { insertAccount, lockAccount, recordEvents, storeAccount } from './account-writes.js';

/** AccountRepository on the service's own Postgres database; every change writes its event to the outbox in the same transaction. */
export class AccountPgRepository implements AccountRepository {
  constructor(
    private readonly pool: Pool,
    private readonly events: AccountEventCodec,
  ) {}

  add(account: Account, actor: Actor): Promise<void> {
    return this.run(() => withTransaction(this.pool, (tx) => insertAccount(tx, this.events, account, actor)));
  }

  get(id: string): Promise<Account | undefined> {
    return this.run(async () => {
      const { rows } = await this.pool.query<AccountRow>({ name: 'account-get', text: `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`, values: [id] });
      return rows[0] && toDomain(rows[0]);
    });
  }

  async getMany(ids: readonly string[]): Promise<Account[]> {
    return (await this.getManyVersioned(ids)).map((found) => found.value);
  }

  /** getMany with each account's row version, for the cache in front of this repository (its version check). */
  getManyVersioned(ids: readonly string[]): Promise<Versioned<Account>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.run(async () => {
      const { rows } = await this.pool.query<AccountRow & { version: string }>({
        name: 'account-get-many',
        text: `SELECT ${ACCOUNT_COLUMNS}, version FROM accounts WHERE id = ANY($1::uuid[])`,
        values: [ids],
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [{ value: toDomain(row), version: Number(row.version) }] : [];
      });
    });
  }

  list(limit: number, after?: AccountCursor): Promise<Account[]> {
    return this.run(async () => {
      const { rows } = after
        ? await this.pool.query<AccountRow>({
            name: 'account-list-after',
            text: `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE (created_at, id) < ($1, $2) ORDER BY created_at DESC, id DESC LIMIT $3`,
            values: [after.createdAt, after.id, limit],
          })
        : await this.pool.query<AccountRow>({
            name: 'account-list',
            text: `SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY created_at DESC, id DESC LIMIT $1`,
            values: [limit],
          });
      return rows.map(toDomain);
    });
  }

  update(id: string, change: (account: Account) => Account, actor: Actor): Promise<Account> {
    return this.run(() =>
      withTransaction(this.pool, async (tx) => {
        const current = await lockAccount(tx, id);
        const changed = change(current.account);
        const fields = changedFields(current.account, changed);
        const version = current.version + (fields.length > 0 ? 1 : 0);
        await storeAccount(tx, changed, version);
        if (fields.length > 0) await recordEvents(tx, this.events, [{ kind: 'updated', account: changed, changedFields: fields }], version, changed.updatedAt, actor);
        return changed;
      }),
    );
  }

  delete(id: string, actor: Actor): Promise<boolean> {
    return this.run(() =>
      withTransaction(this.pool, async (tx) => {
        const { rows } = await tx.query<{ version: string }>('DELETE FROM accounts WHERE id = $1 RETURNING version', [id]);
        if (!rows[0]) return false;
        await recordEvents(tx, this.events, [{ kind: 'deleted', accountId: id }], Number(rows[0].version) + 1, new Date(), actor);
        return true;
      }),
    );
  }

  history(id: string, range: HistoryRange = FIRST_HISTORY_PAGE): Promise<AccountHistoryEntry[]> {
    return this.run(async () => (await readHistory(this.pool, id, 'account', range)).map(this.events.toHistoryEntry));
  }

  histories(ids: readonly string[], range: HistoryRange): Promise<AccountHistoryEntry[][]> {
    return this.run(async () => (await readHistories(this.pool, ids, 'account', range)).map((page) => page.map(this.events.toHistoryEntry)));
  }

  /** Maps a lost or refused connection to the domain's UNAVAILABLE error; everything else passes through. */
  private run<T>(work: () => Promise<T>): Promise<T> {
    return mapConnectionErrors(work, () => new AccountStoreUnavailableError());
  }
}
