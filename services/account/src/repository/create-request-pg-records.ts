import { deleteOlderThan, type Pool, type Tx } from '@shop/postgres';
import type { CreateRequestClaim, CreateRequestRecord } from '../domain/create-request.js';
import { CreateRequestTakenError } from '../domain/account-errors.js';

// The account_create_requests table, for CredentialPgRepository. Private to the repository.

/**
 * Claims the request_id for `accountId` inside the account's transaction, before the account row: a concurrent
 * attempt of the same call then waits here (not on the email's unique index, which would answer a false
 * ALREADY_EXISTS) until the first commits, and gets CreateRequestTakenError. A record older than
 * `claim.liveSince` is overwritten.
 */
export async function claimCreateRequest(tx: Tx, claim: CreateRequestClaim, accountId: string, createdAt: Date): Promise<void> {
  const { rowCount } = await tx.query(
    `INSERT INTO account_create_requests (request_id, fingerprint, account_id, created_at) VALUES ($1, decode($2, 'hex'), $3, $4)
     ON CONFLICT (request_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, account_id = EXCLUDED.account_id, created_at = EXCLUDED.created_at
     WHERE account_create_requests.created_at < $5`,
    [claim.requestId, claim.fingerprint, accountId, createdAt, claim.liveSince],
  );
  if (rowCount === 0) throw new CreateRequestTakenError(claim.requestId);
}

/** The live record of a request_id, if any. */
export async function findCreateRequest(pool: Pool, requestId: string, liveSince: Date): Promise<CreateRequestRecord | undefined> {
  const { rows } = await pool.query<{ fingerprint: string; account_id: string }>({
    name: 'account-create-request',
    text: `SELECT encode(fingerprint, 'hex') AS fingerprint, account_id FROM account_create_requests WHERE request_id = $1 AND created_at >= $2`,
    values: [requestId, liveSince],
  });
  return rows[0] && { fingerprint: rows[0].fingerprint, accountId: rows[0].account_id };
}

/** Deletes the records older than `before`, a batch per statement; how many. */
export function pruneCreateRequests(pool: Pool, before: Date): Promise<number> {
  return deleteOlderThan(pool, 'account_create_requests', 'created_at', before);
}
