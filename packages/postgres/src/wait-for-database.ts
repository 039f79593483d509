import { setTimeout as sleep } from 'node:timers/promises';
import { runMigrations, type MigrationLog } from './migrate.js';
import { isConnectionError } from './pg-errors.js';

export interface MigrateWhenReachableOptions {
  log: MigrationLog & { warn(message: string): void };
  /** Stops the retries (the service is shutting down). */
  signal?: AbortSignal;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Runs the migrations, retrying with capped backoff while the database cannot be reached, so a service
 * can start before its database and turn ready once migrated. Errors other than connection errors
 * (a broken migration) are thrown at once, and so is the abort of `signal`.
 */
export async function migrateWhenReachable(databaseUrl: string, dir: string | readonly string[], options: MigrateWhenReachableOptions): Promise<void> {
  let delay = options.initialDelayMs ?? 250;
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      await runMigrations(databaseUrl, dir, options.log);
      return;
    } catch (error) {
      if (!isConnectionError(error) || options.signal?.aborted) throw error;
      options.log.warn(`database not reachable yet (${(error as Error).message}); retrying in ${delay} ms`);
      await sleep(delay, undefined, { signal: options.signal });
      delay = Math.min(delay * 2, options.maxDelayMs ?? 5_000);
    }
  }
}
