import { withTransaction, type Pool } from '@shop/postgres';
import { OUTBOX_CHANNEL } from './outbox-writer.js';

/** A parked outbox row as an operator sees it: the event, why it failed, and what waits behind it. */
export interface ParkedEventView {
  eventId: string;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  aggregateVersion: number;
  attempts: number;
  parkedAt: Date;
  /** The last publish error. */
  reason: string;
  /** Unpublished later events of the same aggregate, held back until this one is published. */
  waitingBehind: number;
}

interface ParkedRow {
  event_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  aggregate_version: string;
  attempts: number;
  parked_at: Date;
  last_error: string | null;
  waiting_behind: string;
}

/** Every parked row of the database's outbox, oldest first. */
export async function listParkedEvents(pool: Pool): Promise<ParkedEventView[]> {
  const { rows } = await pool.query<ParkedRow>(
    `SELECT p.event_id, p.event_type, p.aggregate_type, p.aggregate_id, p.aggregate_version, p.attempts, p.parked_at, p.last_error,
            (SELECT count(*) FROM outbox AS later
             WHERE later.published_at IS NULL AND later.aggregate_type = p.aggregate_type AND later.aggregate_id = p.aggregate_id
               AND later.aggregate_version > p.aggregate_version) AS waiting_behind
     FROM outbox AS p
     WHERE p.parked_at IS NOT NULL
     ORDER BY p.position`,
  );
  return rows.map((row) => ({
    eventId: row.event_id,
    eventType: row.event_type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    aggregateVersion: Number(row.aggregate_version),
    attempts: row.attempts,
    parkedAt: row.parked_at,
    reason: row.last_error ?? '',
    waitingBehind: Number(row.waiting_behind),
  }));
}

/**
 * Gives parked rows (one, or all with `eventId` undefined) back to the relay: unparked, attempts from zero, due now,
 * and the relay woken (NOTIFY at commit). Their last error stays until a publish succeeds. Returns the event ids.
 */
export async function retryParkedEvents(pool: Pool, eventId?: string): Promise<string[]> {
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ event_id: string }>(
      `UPDATE outbox SET parked_at = NULL, attempts = 0, next_attempt_at = now()
       WHERE parked_at IS NOT NULL AND published_at IS NULL AND ($1::uuid IS NULL OR event_id = $1)
       RETURNING event_id`,
      [eventId ?? null],
    );
    if (rows.length > 0) await tx.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
    return rows.map((row) => row.event_id);
  });
}
