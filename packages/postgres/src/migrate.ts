import { runner } from 'node-pg-migrate';

/** Where migration output goes; the service's logger fits. */
export interface MigrationLog {
  info(message: string): void;
}

/**
 * Applies the pending SQL-file migrations of `dir` (files with `-- Up Migration` / `-- Down Migration` sections).
 * Services call it at start; concurrent starts wait on node-pg-migrate's advisory lock instead of failing.
 * Returns the names of the migrations it ran.
 */
export async function runMigrations(databaseUrl: string, dir: string, log?: MigrationLog): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    checkOrder: true,
    singleTransaction: true,
    advisoryLockMode: 'wait',
    log: () => {},
  });
  const names = applied.map((migration) => migration.name);
  if (names.length > 0) log?.info(`applied migrations: ${names.join(', ')}`);
  return names;
}
