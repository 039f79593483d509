import { Account, type AccountRole } from '../domain/account.js';

/** An accounts table row, as pg returns it. Private to the repositories. */
export interface AccountRow {
  id: string;
  name: string;
  email: string;
  role: AccountRole;
  created_at: Date;
  updated_at: Date;
}

/** The column list every query selects, in AccountRow's shape. */
export const ACCOUNT_COLUMNS = 'id, name, email, role, created_at, updated_at';

/** Row -> domain, through the loading path that does not re-run creation rules. */
export function toDomain(row: AccountRow): Account {
  return Account.fromStorage({ id: row.id, name: row.name, email: row.email, role: row.role, createdAt: row.created_at, updatedAt: row.updated_at });
}

/** Domain -> row. */
export function toRow(account: Account): AccountRow {
  const state = account.toState();
  return { id: state.id, name: state.name, email: state.email, role: state.role, created_at: state.createdAt, updated_at: state.updatedAt };
}
