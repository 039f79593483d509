import { join } from 'node:path';
import { runner } from 'node-pg-migrate';

/** Where migration output goes; the service's logger fits. */
export interface MigrationLog {
  info(message: string): void;
}

/**
 * Applies the pending SQL-file migrations of `dir` (files with `-- Up Migration` / `-- Down Migration` sections);
 * several folders (a service's own and those of the libraries it uses, such as the outbox) run as one ordered list.
 * Services call it at start; concurrent starts wait on node-pg-migrate's advisory lock instead of failing.
 * Returns the names of the migrations it ran.
 */
export async function runMigrations(databaseUrl: string, dir: string | readonly string[], log?: MigrationLog): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    // node-pg-migrate takes several folders only as glob patterns.
    dir: (typeof dir === 'string' ? [dir] : [...dir]).map((folder) => join(folder, '*.sql')),
    useGlob: true,
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
