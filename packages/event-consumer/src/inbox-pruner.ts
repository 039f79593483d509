import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@shop/logger';
import type { Pool } from '@shop/postgres';

/**
 * How long an inbox row is kept, when the service does not say: 8 days, the default stream age (7 days) and a day.
 *
 * An inbox row exists only to recognise a second delivery of an event already handled. A second delivery comes
 * either from JetStream redelivering or replaying the same stream message (no ack, a lost ack, a recreated durable
 * consumer starting over), which is possible only while the message is in the stream: at most the stream's max_age
 * after it was stored, and it was stored before it was handled. Or it comes from the relay publishing the event
 * again because it died between the ack and marking the row: within JetStream's 2-minute duplicate window the copy is
 * dropped; after it, the copy is a new message, stored when the relay (or its standby) next claims the row, normally
 * seconds later, and deliverable for max_age from then. So a row older than max_age plus a margin for that late
 * republish can never be needed again. The margin is a day; the handlers are idempotent by their own state as well
 * (one reservation row per order, status changes only from PENDING, external versions in the search index), so even
 * a copy later still changes nothing.
 */
export const DEFAULT_INBOX_RETENTION_MS = 8 * 24 * 3_600_000;

/** How often the pruner runs, when the service does not say: hourly. */
export const DEFAULT_INBOX_PRUNE_INTERVAL_MS = 3_600_000;

/** What a consuming service gives its inbox pruner. */
export interface InboxPrunerOptions {
  pool: Pool;
  /** Rows processed longer ago than this are deleted (INBOX_RETENTION_MS); at least the max_age of the streams read. */
  retentionMs: number;
  /** The pause between runs (INBOX_PRUNE_INTERVAL_MS). */
  intervalMs: number;
  logger: Logger;
  /** Rows per DELETE, so no statement holds many locks or runs long (default 5,000). */
  batchSize?: number;
}

/** A running pruner. */
export interface InboxPruner {
  /** Ends the current batch and stops. */
  stop(): Promise<void>;
}

/** Deletes every inbox row processed more than `retentionMs` ago, `batchSize` rows per statement; returns how many. */
export async function pruneInbox(pool: Pool, retentionMs: number, batchSize = 5_000, signal?: AbortSignal): Promise<number> {
  let deleted = 0;
  for (;;) {
    const { rowCount } = await pool.query({
      name: 'inbox-prune',
      text: `DELETE FROM inbox WHERE ctid = ANY(ARRAY(
               SELECT ctid FROM inbox WHERE processed_at < now() - $1 * interval '1 millisecond' ORDER BY processed_at LIMIT $2))`,
      values: [retentionMs, batchSize],
    });
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < batchSize || signal?.aborted) return deleted;
  }
}

/**
 * Prunes the service's inbox (every consumer's rows in its database) at start and then every `intervalMs`, in the
 * background. A failed run is logged and tried again at the next interval.
 */
export function startInboxPruner(options: InboxPrunerOptions): InboxPruner {
  if (!(options.retentionMs > 0) || !(options.intervalMs > 0)) throw new Error('inbox pruner: retentionMs and intervalMs must be positive');
  const controller = new AbortController();
  const log = options.logger.child({ component: 'inbox-pruner' });
  const running = (async () => {
    while (!controller.signal.aborted) {
      try {
        const deleted = await pruneInbox(options.pool, options.retentionMs, options.batchSize, controller.signal);
        if (deleted > 0) log.info({ deleted, retentionMs: options.retentionMs }, 'inbox rows older than their retention deleted');
      } catch (error) {
        if (!controller.signal.aborted) log.warn({ err: error }, 'inbox pruning failed; trying again at the next interval');
      }
      await sleep(options.intervalMs, undefined, { signal: controller.signal }).catch(() => {});
    }
  })();
  return {
    async stop() {
      controller.abort();
      await running;
    },
  };
}
