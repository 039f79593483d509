import type { Pool } from '@shop/postgres';

/**
 * The age in seconds of the oldest committed event the relay has not published (0 when none is waiting): how far
 * behind the events are, for outbox_oldest_unpublished_age_seconds. Reads the unpublished rows' partial index.
 */
export async function oldestUnpublishedAgeSeconds(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ age: number | null }>(
    'SELECT EXTRACT(EPOCH FROM now() - min(occurred_at))::float8 AS age FROM outbox WHERE published_at IS NULL',
  );
  return Math.max(0, rows[0]?.age ?? 0);
}
