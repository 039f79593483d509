import { appendToOutbox } from '@shop/outbox';
import { isUniqueViolation, type Tx } from '@shop/postgres';
import type { Account } from '../domain/account.js';
import { AccountNotFoundError, EmailTakenError } from '../domain/account-errors.js';
import type { AccountEvent, AccountEventCodec } from '../domain/account-events.js';
import type { Actor } from '../domain/account-repository.js';
import { ACCOUNT_COLUMNS, toDomain, toRow, type AccountRow } from './account-row.js';

// The writes both account repositories (profile, credentials) make, so the account's version and its outbox
// events stay one sequence whichever of them changes it.

const EMAIL_INDEX = 'accounts_email_lower_key';

/** Inserts a new account at version 1 with its `created` event. EmailTakenError when the email is in use. */
export async function insertAccount(tx: Tx, codec: AccountEventCodec, account: Account, actor: Actor): Promise<void> {
  const row = toRow(account);
  await tx
    .query(`INSERT INTO accounts (${ACCOUNT_COLUMNS}, version) VALUES ($1, $2, $3, $4, $5, $6, 1)`, [row.id, row.name, row.email, row.role, row.created_at, row.updated_at])
    .catch(rethrowEmailTaken(row.email));
  await recordEvents(tx, codec, [{ kind: 'created', account }], 1, account.createdAt, actor);
}

/** Locks the account's row for the rest of the transaction; AccountNotFoundError when there is none. */
export async function lockAccount(tx: Tx, id: string): Promise<{ account: Account; version: number }> {
  const { rows } = await tx.query<AccountRow & { version: string }>(`SELECT ${ACCOUNT_COLUMNS}, version FROM accounts WHERE id = $1 FOR UPDATE`, [id]);
  if (!rows[0]) throw new AccountNotFoundError(id);
  return { account: toDomain(rows[0]), version: Number(rows[0].version) };
}

/** Stores the account's new state at `version`. EmailTakenError when its new email is in use. */
export async function storeAccount(tx: Tx, account: Account, version: number): Promise<void> {
  const row = toRow(account);
  await tx
    .query('UPDATE accounts SET name = $2, email = $3, role = $4, updated_at = $5, version = $6 WHERE id = $1', [row.id, row.name, row.email, row.role, row.updated_at, version])
    .catch(rethrowEmailTaken(row.email));
}

/** Appends the account's events to the outbox, numbered from `firstVersion`, in the caller's transaction. */
export function recordEvents(tx: Tx, codec: AccountEventCodec, events: AccountEvent[], firstVersion: number, occurredAt: Date, actor: Actor): Promise<void> {
  return appendToOutbox(tx, codec.toEnvelopes(events, firstVersion, occurredAt, actor));
}

function rethrowEmailTaken(email: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error, EMAIL_INDEX)) throw new EmailTakenError(email);
    throw error;
  };
}
