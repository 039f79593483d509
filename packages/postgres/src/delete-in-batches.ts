import type { Pool } from './pool.js';

/** Rows per DELETE statement, so no statement holds many locks or runs long. */
export const DELETE_BATCH_SIZE = 5_000;

/**
 * Deletes the rows of `table` whose `column` is before `before`, a batch per statement; returns how many. The table
 * and column are names from the calling code, never from input.
 */
export async function deleteOlderThan(pool: Pool, table: string, column: string, before: Date, batchSize = DELETE_BATCH_SIZE): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await pool.query(`DELETE FROM ${table} WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${table} WHERE ${column} < $1 LIMIT $2))`, [before, batchSize]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < batchSize) return total;
  }
}
