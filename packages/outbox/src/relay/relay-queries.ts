import type { Envelope } from '@shop/events';
import { envelopeFromRow, OUTBOX_COLUMNS, type OutboxRow } from '../outbox-row.js';
import type { RelaySession } from './relay-session.js';

/** An unpublished row the relay took for this batch. */
export interface ClaimedEvent {
  position: string;
  envelope: Envelope;
  /** Failed publishes so far. */
  attempts: number;
}

/** A row whose publish failed, and when to try it again. */
export interface PublishFailure {
  position: string;
  error: string;
  retryInMs: number;
}

// Unpublished and due, in position order, selected by published_at IS NULL (never by "position > the last one
// seen": positions are allocated before commit, so a row that commits late has a smaller one and would be skipped).
// A row is left out while an earlier version of its aggregate waits for a retry (only a failed row has a
// next_attempt_at in the future), so an aggregate's events leave in version order even across failures. An earlier
// version that is due needs no check: it has a smaller position (the writer inserts an aggregate's events in version
// order, and a version can only be written once the previous one committed), so it is in this batch, ahead.
// No FOR UPDATE SKIP LOCKED: only the relay holding the advisory lock claims, so there is no one to skip.
const CLAIM = `
  SELECT ${OUTBOX_COLUMNS} FROM outbox AS o
  WHERE o.published_at IS NULL
    AND o.next_attempt_at <= now()
    AND NOT EXISTS (
      SELECT 1 FROM outbox AS waiting
      WHERE waiting.published_at IS NULL
        AND waiting.attempts > 0
        AND waiting.next_attempt_at > now()
        AND waiting.aggregate_type = o.aggregate_type
        AND waiting.aggregate_id = o.aggregate_id
        AND waiting.aggregate_version < o.aggregate_version
    )
  ORDER BY o.position
  LIMIT $1`;

/** Up to `limit` rows that may be published now, oldest first. */
export async function claimBatch(session: RelaySession, limit: number): Promise<ClaimedEvent[]> {
  const { rows } = await session.query<OutboxRow>({ name: 'outbox-claim', text: CLAIM, values: [limit] });
  return rows.map((row) => ({ position: row.position, envelope: envelopeFromRow(row), attempts: row.attempts }));
}

/** Marks the acked rows published, in one statement after the batch's acks. */
export async function markPublished(session: RelaySession, positions: readonly string[]): Promise<void> {
  if (positions.length === 0) return;
  await session.query({
    name: 'outbox-mark-published',
    text: 'UPDATE outbox SET published_at = now() WHERE position = ANY($1::bigint[]) AND published_at IS NULL',
    values: [positions],
  });
}

/** Counts the failed attempts and puts the rows off until their retry time. */
export async function markFailed(session: RelaySession, failures: readonly PublishFailure[]): Promise<void> {
  if (failures.length === 0) return;
  await session.query({
    name: 'outbox-mark-failed',
    text: `UPDATE outbox AS o
           SET attempts = o.attempts + 1, last_error = f.error, next_attempt_at = now() + f.retry_in_ms * interval '1 millisecond'
           FROM unnest($1::bigint[], $2::text[], $3::float8[]) AS f(position, error, retry_in_ms)
           WHERE o.position = f.position AND o.published_at IS NULL`,
    values: [failures.map((failure) => failure.position), failures.map((failure) => failure.error.slice(0, 1_000)), failures.map((failure) => failure.retryInMs)],
  });
}
