import { Account } from '../domain/account.js';

/** An accounts table row, as pg returns it. Private to the repository. */
export interface AccountRow {
  id: string;
  name: string;
  email: string;
  created_at: Date;
  updated_at: Date;
}

/** The column list every query selects, in AccountRow's shape. */
export const ACCOUNT_COLUMNS = 'id, name, email, created_at, updated_at';

/** Row -> domain, through the loading path that does not re-run creation rules. */
export function toDomain(row: AccountRow): Account {
  return Account.fromStorage({ id: row.id, name: row.name, email: row.email, createdAt: row.created_at, updatedAt: row.updated_at });
}

/** Domain -> row. */
export function toRow(account: Account): AccountRow {
  const state = account.toState();
  return { id: state.id, name: state.name, email: state.email, created_at: state.createdAt, updated_at: state.updatedAt };
}
