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
