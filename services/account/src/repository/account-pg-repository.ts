import { appendToOutbox, readHistory } from '@shop/outbox';
import { mapConnectionErrors, isUniqueViolation, withTransaction, type Pool, type Tx } from '@shop/postgres';
import type { Account } from '../domain/account.js';
import { AccountNotFoundError, AccountStoreUnavailableError, EmailTakenError } from '../domain/account-errors.js';
import { changedFields, type AccountEvent, type AccountEventCodec, type AccountHistoryEntry } from '../domain/account-events.js';
import type { AccountCursor, AccountRepository } from '../domain/account-repository.js';
import { ACCOUNT_COLUMNS, toDomain, toRow, type AccountRow } from './account-row.js';

const EMAIL_INDEX = 'accounts_email_lower_key';

/** AccountRepository on the service's own Postgres database; every change writes its event to the outbox in the same transaction. */
export class AccountPgRepository implements AccountRepository {
  constructor(
    private readonly pool: Pool,
    private readonly events: AccountEventCodec,
  ) {}

  add(account: Account): Promise<void> {
    const row = toRow(account);
    return this.run(() =>
      withTransaction(this.pool, async (tx) => {
        await tx
          .query(`INSERT INTO accounts (${ACCOUNT_COLUMNS}, version) VALUES ($1, $2, $3, $4, $5, 1)`, [row.id, row.name, row.email, row.created_at, row.updated_at])
          .catch(rethrowEmailTaken(row.email));
        await this.record(tx, [{ kind: 'created', account }], 1, account.createdAt);
      }),
    );
  }

  get(id: string): Promise<Account | undefined> {
    return this.run(async () => {
      const { rows } = await this.pool.query<AccountRow>({ name: 'account-get', text: `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`, values: [id] });
      return rows[0] && toDomain(rows[0]);
    });
  }

  getMany(ids: readonly string[]): Promise<Account[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.run(async () => {
      const { rows } = await this.pool.query<AccountRow>({
        name: 'account-get-many',
        text: `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ANY($1::uuid[])`,
        values: [ids],
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toDomain(row)] : [];
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

  update(id: string, change: (account: Account) => Account): Promise<Account> {
    return this.run(() =>
      withTransaction(this.pool, async (tx) => {
        const { rows } = await tx.query<AccountRow & { version: string }>(`SELECT ${ACCOUNT_COLUMNS}, version FROM accounts WHERE id = $1 FOR UPDATE`, [id]);
        if (!rows[0]) throw new AccountNotFoundError(id);
        const current = toDomain(rows[0]);
        const changed = change(current);
        const fields = changedFields(current, changed);
        const version = Number(rows[0].version) + (fields.length > 0 ? 1 : 0);
        const row = toRow(changed);
        await tx
          .query('UPDATE accounts SET name = $2, email = $3, updated_at = $4, version = $5 WHERE id = $1', [row.id, row.name, row.email, row.updated_at, version])
          .catch(rethrowEmailTaken(row.email));
        if (fields.length > 0) await this.record(tx, [{ kind: 'updated', account: changed, changedFields: fields }], version, changed.updatedAt);
        return changed;
      }),
    );
  }

  delete(id: string): Promise<boolean> {
    return this.run(() =>
      withTransaction(this.pool, async (tx) => {
        const { rows } = await tx.query<{ version: string }>('DELETE FROM accounts WHERE id = $1 RETURNING version', [id]);
        if (!rows[0]) return false;
        await this.record(tx, [{ kind: 'deleted', accountId: id }], Number(rows[0].version) + 1, new Date());
        return true;
      }),
    );
  }

  history(id: string): Promise<AccountHistoryEntry[]> {
    return this.run(async () => (await readHistory(this.pool, id, 'account')).map(this.events.toHistoryEntry));
  }

  private record(tx: Tx, events: AccountEvent[], firstVersion: number, occurredAt: Date): Promise<void> {
    return appendToOutbox(tx, this.events.toEnvelopes(events, firstVersion, occurredAt));
  }

  /** Maps a lost or refused connection to the domain's UNAVAILABLE error; everything else passes through. */
  private run<T>(work: () => Promise<T>): Promise<T> {
    return mapConnectionErrors(work, () => new AccountStoreUnavailableError());
  }
}

function rethrowEmailTaken(email: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error, EMAIL_INDEX)) throw new EmailTakenError(email);
    throw error;
  };
}
