import { setTimeout as sleep } from 'node:timers/promises';
import type { Envelope } from '@shop/events';
import { withTransaction, type Pool } from '@shop/postgres';
import { appendToOutbox } from '../../src/index.js';

/** Commits `envelopes` in transactions of `perTransaction` rows, one after the other (set-up of a backlog). */
export async function appendAll(pool: Pool, envelopes: readonly Envelope[], perTransaction = 1_000): Promise<void> {
  for (let start = 0; start < envelopes.length; start += perTransaction) {
    await withTransaction(pool, (tx) => appendToOutbox(tx, envelopes.slice(start, start + perTransaction)));
  }
}

/**
 * Commits `envelopes` as a steady stream while the test breaks things: `perTransaction` rows per commit, one
 * commit every `intervalMs`. Returns when all are committed.
 */
export async function appendSteadily(
  pool: Pool,
  envelopes: readonly Envelope[],
  options: { perTransaction: number; intervalMs: number; onCommit?: (envelopes: Envelope[]) => void },
): Promise<void> {
  for (let start = 0; start < envelopes.length; start += options.perTransaction) {
    const slice = envelopes.slice(start, start + options.perTransaction);
    await withTransaction(pool, (tx) => appendToOutbox(tx, slice));
    options.onCommit?.(slice);
    await sleep(options.intervalMs);
  }
}
