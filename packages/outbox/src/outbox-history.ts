import type { Envelope } from '@shop/events';
import type { Pool, Tx } from '@shop/postgres';
import { envelopeFromRow, OUTBOX_COLUMNS, type OutboxRow } from './outbox-row.js';

/**
 * The events of one aggregate, oldest version first, read from the outbox (which keeps them after the record is
 * deleted): what a service's ListHistory answers. Unpublished events are included; they are committed facts.
 * `aggregateType` narrows the read when two aggregate types could share an id.
 */
export async function readHistory(db: Pool | Tx, aggregateId: string, aggregateType?: string): Promise<Envelope[]> {
  const { rows } = await db.query<OutboxRow>({
    name: 'outbox-read-history',
    text: `SELECT ${OUTBOX_COLUMNS} FROM outbox
           WHERE aggregate_id = $1 AND ($2::text IS NULL OR aggregate_type = $2)
           ORDER BY aggregate_version, aggregate_type`,
    values: [aggregateId, aggregateType ?? null],
  });
  return rows.map(envelopeFromRow);
}

/** An aggregate and the newest version its events reached. */
export interface AggregateVersion {
  aggregateId: string;
  version: number;
}

/**
 * Every aggregate of `aggregateType` with an event that occurred at or after `since`, with its newest version:
 * what a projection rebuilt from a snapshot replays to catch up with the changes made while it was building.
 * Reads the whole outbox once (there is no index on occurred_at): meant for rare rebuilds, not for a hot path.
 */
export async function aggregatesChangedSince(db: Pool | Tx, aggregateType: string, since: Date): Promise<AggregateVersion[]> {
  const { rows } = await db.query<{ aggregate_id: string; version: string }>({
    name: 'outbox-aggregates-changed-since',
    text: `SELECT aggregate_id, max(aggregate_version) AS version FROM outbox
           WHERE aggregate_type = $1 AND occurred_at >= $2
           GROUP BY aggregate_id`,
    values: [aggregateType, since],
  });
  return rows.map((row) => ({ aggregateId: row.aggregate_id, version: Number(row.version) }));
}
