import type { Envelope, HistoryRange } from '@shop/events';
import type { Pool, Tx } from '@shop/postgres';
import { envelopeFromRow, OUTBOX_COLUMNS, type OutboxRow } from './outbox-row.js';

// Both reads walk the (aggregate_id, aggregate_version, aggregate_type) unique index: one range scan per aggregate
// from the first version after `afterVersion`, stopped by LIMIT, so a page costs the same however long the history.

/** The SQL of readHistory ($1 id, $2 type or null, $3 after version, $4 limit or null); exported for the plan test. */
export const READ_HISTORY_SQL = `SELECT ${OUTBOX_COLUMNS} FROM outbox
  WHERE aggregate_id = $1 AND ($2::text IS NULL OR aggregate_type = $2) AND aggregate_version > $3
  ORDER BY aggregate_version, aggregate_type
  LIMIT $4`;

/** The SQL of readHistories ($1 ids, $2 type, $3 after version, $4 limit); exported for the plan test. */
export const READ_HISTORIES_SQL = `SELECT h.* FROM unnest($1::text[]) WITH ORDINALITY AS q(aggregate_id, query_index)
  CROSS JOIN LATERAL (
    SELECT ${OUTBOX_COLUMNS} FROM outbox
    WHERE aggregate_id = q.aggregate_id AND aggregate_type = $2 AND aggregate_version > $3
    ORDER BY aggregate_version
    LIMIT $4
  ) h
  ORDER BY q.query_index, h.aggregate_version`;

/**
 * The events of one aggregate, oldest version first, read from the outbox (which keeps them after the record is
 * deleted): what a service's ListHistory answers. Unpublished events are included; they are committed facts.
 * `aggregateType` narrows the read when two aggregate types could share an id; `range` picks one page (all without).
 */
export async function readHistory(db: Pool | Tx, aggregateId: string, aggregateType?: string, range?: HistoryRange): Promise<Envelope[]> {
  const { rows } = await db.query<OutboxRow>({
    name: 'outbox-read-history',
    text: READ_HISTORY_SQL,
    values: [aggregateId, aggregateType ?? null, range?.afterVersion ?? 0, range?.limit ?? null],
  });
  return rows.map(envelopeFromRow);
}

/**
 * One page of history for each of `aggregateIds` (of `aggregateType`), in their order, in one query: what a
 * service's ListHistories answers. An id without events gets an empty page; a repeated id gets the same page again.
 */
export async function readHistories(db: Pool | Tx, aggregateIds: readonly string[], aggregateType: string, range: HistoryRange): Promise<Envelope[][]> {
  const unique = [...new Set(aggregateIds)];
  if (unique.length === 0) return aggregateIds.map(() => []);
  const { rows } = await db.query<OutboxRow>({
    name: 'outbox-read-histories',
    text: READ_HISTORIES_SQL,
    values: [unique, aggregateType, range.afterVersion, range.limit],
  });
  const byId = new Map<string, Envelope[]>(unique.map((id) => [id, []]));
  for (const row of rows) byId.get(row.aggregate_id)!.push(envelopeFromRow(row));
  return aggregateIds.map((id) => byId.get(id)!);
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
