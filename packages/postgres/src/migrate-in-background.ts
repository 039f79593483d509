import { migrateWhenReachable } from './wait-for-database.js';

/** Migrations running while the service already answers (NOT_SERVING), and how to abandon them. */
export interface BackgroundMigration {
  /** Resolves once migrated and `onMigrated` ran; a failure is logged here, so nobody has to await it. */
  ready: Promise<void>;
  cancel(): void;
}

/**
 * Starts the migrations without waiting for them: retried while the database is unreachable, then `onMigrated`
 * (the service turns SERVING). Lets a service start before its database is up, as the architecture asks.
 */
export function migrateInBackground(
  databaseUrl: string,
  dir: string | readonly string[],
  log: { info(message: string): void; warn(message: string): void; error(message: string): void },
  onMigrated: () => void,
): BackgroundMigration {
  const controller = new AbortController();
  const ready = migrateWhenReachable(databaseUrl, dir, { log, signal: controller.signal }).then(onMigrated);
  ready.catch((error: unknown) => {
    if (!controller.signal.aborted) log.error(`migrations failed, the service stays NOT_SERVING: ${(error as Error).message}`);
  });
  return { ready, cancel: () => controller.abort() };
}
