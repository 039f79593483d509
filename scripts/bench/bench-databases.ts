import { join } from 'node:path';
import { DEFAULT_LOCAL_POSTGRES_URL, ensureDatabase, startLocalPostgres } from '@shop/local-postgres';
import pg from 'pg';

/** Scratch databases of one bench run, on the Postgres it found or started. */
export interface BenchDatabases {
  /** The databases' URLs, in the order of the names asked for. */
  urls: string[];
  /** What makes this run's names unique (also good for unique emails). */
  suffix: string;
  /** Drops the databases and stops the Postgres if the bench started it. */
  close(): Promise<void>;
}

/**
 * Makes `<prefix>_<name>_<suffix>` for each name on DATABASE_URL's server, the local Postgres, or an embedded one
 * kept in .data/bench-postgres, as every bench does.
 */
export async function openBenchDatabases(prefix: string, names: readonly string[]): Promise<BenchDatabases> {
  const root = join(import.meta.dirname, '..', '..');
  const postgres = await startLocalPostgres({ candidates: [process.env.DATABASE_URL ?? DEFAULT_LOCAL_POSTGRES_URL], dataDir: join(root, '.data', 'bench-postgres') });
  const suffix = Date.now().toString(36);
  const databases = names.map((name) => `${prefix}_${name}_${suffix}`);
  const urls = await Promise.all(databases.map((name) => ensureDatabase(postgres.adminUrl, name)));
  return {
    urls,
    suffix,
    close: async () => {
      const admin = new pg.Client({ connectionString: postgres.adminUrl });
      await admin.connect();
      for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
      await postgres.stop();
    },
  };
}
