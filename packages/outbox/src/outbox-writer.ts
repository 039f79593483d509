import type { Envelope } from '@shop/events';
import type { Tx } from '@shop/postgres';
import { toColumnArrays } from './outbox-row.js';

/** The channel the writer notifies and the relay listens on (per database, so one name for every service). */
export const OUTBOX_CHANNEL = 'shop_outbox';

/**
 * The constraint that refuses a second event at the same version of an aggregate: two writers raced, and the
 * repository can map the unique violation (isUniqueViolation(error, OUTBOX_VERSION_CONSTRAINT)) to a conflict.
 */
export const OUTBOX_VERSION_CONSTRAINT = 'outbox_aggregate_version_key';

// One statement, one round trip: the data-modifying CTE always runs to completion, and pg_notify inside the
// transaction is delivered at COMMIT (never on ROLLBACK), so the relay wakes only for committed rows.
const APPEND = `
  WITH appended AS (
    INSERT INTO outbox (event_id, event_type, aggregate_type, aggregate_id, aggregate_version, occurred_at, traceparent, tracestate, payload, actor)
    SELECT event_id, event_type, aggregate_type, aggregate_id, aggregate_version, occurred_at, traceparent, tracestate, payload, actor
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[], $7::text[], $8::text[], $9::bytea[], $10::uuid[])
      WITH ORDINALITY AS appended_row (event_id, event_type, aggregate_type, aggregate_id, aggregate_version, occurred_at, traceparent, tracestate, payload, actor, n)
    ORDER BY n
    RETURNING 1
  )
  SELECT pg_notify($11, '') FROM (SELECT count(*) FROM appended) AS inserted`;

/**
 * Writes events in the caller's transaction, the one that changes their aggregate, so the change and its events
 * commit together or not at all. An aggregate's events get positions in version order (the relay relies on it).
 */
export async function appendToOutbox(tx: Tx, envelopes: readonly Envelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  const byVersion = [...envelopes].sort((a, b) => a.aggregateVersion - b.aggregateVersion);
  await tx.query({ name: 'outbox-append', text: APPEND, values: [...toColumnArrays(byVersion), OUTBOX_CHANNEL] });
}
