import { mapConnectionErrors, isUniqueViolation, withTransaction, type Pool } from '@shop/postgres';
import type { Account } from '../domain/account.js';
import { AccountNotFoundError, AccountStoreUnavailableError, EmailTakenError } from '../domain/account-errors.js';
import type { AccountCursor, AccountRepository } from '../domain/account-repository.js';
import { ACCOUNT_COLUMNS, toDomain, toRow, type AccountRow } from './account-row.js';

const EMAIL_INDEX = 'accounts_email_lower_key';

/** AccountRepository on the service's own Postgres database. */
export class AccountPgRepository implements AccountRepository {
  constructor(private readonly pool: Pool) {}

  add(account: Account): Promise<void> {
    const row = toRow(account);
    return this.run(async () => {
      await this.pool
        .query(`INSERT INTO accounts (${ACCOUNT_COLUMNS}) VALUES ($1, $2, $3, $4, $5)`, [row.id, row.name, row.email, row.created_at, row.updated_at])
        .catch(rethrowEmailTaken(row.email));
    });
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
        const { rows } = await tx.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1 FOR UPDATE`, [id]);
        if (!rows[0]) throw new AccountNotFoundError(id);
        const changed = change(toDomain(rows[0]));
        const row = toRow(changed);
        await tx
          .query('UPDATE accounts SET name = $2, email = $3, updated_at = $4 WHERE id = $1', [row.id, row.name, row.email, row.updated_at])
          .catch(rethrowEmailTaken(row.email));
        return changed;
      }),
    );
  }

  delete(id: string): Promise<boolean> {
    return this.run(async () => {
      const { rowCount } = await this.pool.query('DELETE FROM accounts WHERE id = $1', [id]);
      return rowCount === 1;
    });
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
