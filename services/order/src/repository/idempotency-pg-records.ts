import { deleteOlderThan, type Pool, type Tx } from '@shop/postgres';
import type { IdempotencyClaim, IdempotencyRecord } from '../domain/idempotency.js';
import { IdempotencyKeyTakenError } from '../domain/order-errors.js';

// The order_idempotency_keys table, for OrderPgRepository. Private to the repository.

/**
 * Claims the account's key for `orderId` inside the order's transaction: a new record, or one overwriting a record
 * older than `claim.liveSince`. If another transaction holds a live record of the key, Postgres makes this wait
 * until that one commits (or rolls back) and then reports the conflict: IdempotencyKeyTakenError, and the caller's
 * transaction stores nothing. So of two concurrent requests with one key, exactly one order is stored.
 */
export async function claimIdempotencyKey(tx: Tx, accountId: string, claim: IdempotencyClaim, orderId: string, createdAt: Date): Promise<void> {
  const { rowCount } = await tx.query(
    `INSERT INTO order_idempotency_keys (account_id, key, fingerprint, order_id, created_at) VALUES ($1, $2, decode($3, 'hex'), $4, $5)
     ON CONFLICT (account_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, order_id = EXCLUDED.order_id, created_at = EXCLUDED.created_at
     WHERE order_idempotency_keys.created_at < $6`,
    [accountId, claim.key, claim.fingerprint, orderId, createdAt, claim.liveSince],
  );
  if (rowCount === 0) throw new IdempotencyKeyTakenError(claim.key);
}

/** The live record of the account's key, if any. */
export async function findIdempotencyRecord(pool: Pool, accountId: string, key: string, liveSince: Date): Promise<IdempotencyRecord | undefined> {
  const { rows } = await pool.query<{ fingerprint: string; order_id: string }>({
    name: 'order-idempotency-record',
    text: `SELECT encode(fingerprint, 'hex') AS fingerprint, order_id FROM order_idempotency_keys WHERE account_id = $1 AND key = $2 AND created_at >= $3`,
    values: [accountId, key, liveSince],
  });
  return rows[0] && { fingerprint: rows[0].fingerprint, orderId: rows[0].order_id };
}

/** Deletes the records older than `before`, a batch per statement; how many. */
export function pruneIdempotencyRecords(pool: Pool, before: Date): Promise<number> {
  return deleteOlderThan(pool, 'order_idempotency_keys', 'created_at', before);
}
