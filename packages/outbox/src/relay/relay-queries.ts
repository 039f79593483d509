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

// Unpublished, not parked and due, in position order, selected by published_at IS NULL (never by "position > the
// last one seen": positions are allocated before commit, so a row that commits late has a smaller one and would be
// skipped). A row is left out while an earlier version of its aggregate waits for a retry (only a failed row has a
// next_attempt_at in the future) or is parked, so an aggregate's events leave in version order even across failures.
// An earlier version that is due needs no check: it has a smaller position (the writer inserts an aggregate's events
// in version order, and a version can only be written once the previous one committed), so it is in this batch, ahead.
// No FOR UPDATE SKIP LOCKED: only the relay holding the advisory lock claims, so there is no one to skip.
const CLAIM = `
  SELECT ${OUTBOX_COLUMNS} FROM outbox AS o
  WHERE o.published_at IS NULL
    AND o.parked_at IS NULL
    AND o.next_attempt_at <= now()
    AND NOT EXISTS (
      SELECT 1 FROM outbox AS waiting
      WHERE waiting.published_at IS NULL
        AND waiting.attempts > 0
        AND (waiting.next_attempt_at > now() OR waiting.parked_at IS NOT NULL)
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

/** A row that reached its maximum attempts with this failure, and is parked now. */
export interface ParkedRow {
  eventId: string;
  eventType: string;
  aggregate: string;
  attempts: number;
  reason: string;
}

interface MarkedRow {
  event_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  aggregate_version: string;
  attempts: number;
  last_error: string;
  parked: boolean;
}

/**
 * Counts the failed attempts and puts the rows off until their retry time; a row whose attempts reach
 * `maxAttempts` is parked instead (it keeps its reason in last_error). Returns the rows parked by this call.
 */
export async function markFailed(session: RelaySession, failures: readonly PublishFailure[], maxAttempts: number): Promise<ParkedRow[]> {
  if (failures.length === 0) return [];
  const { rows } = await session.query<MarkedRow>({
    name: 'outbox-mark-failed',
    text: `UPDATE outbox AS o
           SET attempts = o.attempts + 1, last_error = f.error, next_attempt_at = now() + f.retry_in_ms * interval '1 millisecond',
               parked_at = CASE WHEN o.attempts + 1 >= $4 THEN now() END
           FROM unnest($1::bigint[], $2::text[], $3::float8[]) AS f(position, error, retry_in_ms)
           WHERE o.position = f.position AND o.published_at IS NULL
           RETURNING o.event_id, o.event_type, o.aggregate_type, o.aggregate_id, o.aggregate_version, o.attempts, o.last_error, o.parked_at IS NOT NULL AS parked`,
    values: [failures.map((failure) => failure.position), failures.map((failure) => failure.error.slice(0, 1_000)), failures.map((failure) => failure.retryInMs), maxAttempts],
  });
  return rows
    .filter((row) => row.parked)
    .map((row) => ({
      eventId: row.event_id,
      eventType: row.event_type,
      aggregate: `${row.aggregate_type}/${row.aggregate_id} v${row.aggregate_version}`,
      attempts: row.attempts,
      reason: row.last_error,
    }));
}

/** How many rows are parked now (the relay's `parked` metric). */
export async function countParked(session: RelaySession): Promise<number> {
  const { rows } = await session.query<{ parked: string }>({ name: 'outbox-count-parked', text: 'SELECT count(*) AS parked FROM outbox WHERE parked_at IS NOT NULL' });
  return Number(rows[0]?.parked ?? 0);
}
