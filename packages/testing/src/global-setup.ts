import { join } from 'node:path';
import { DEFAULT_LOCAL_POSTGRES_URL, startLocalPostgres, type LocalPostgres } from '@shop/local-postgres';
// Imported by scripts/test.ts outside jest, so it must not import @jest/globals (nor anything that does).
import { TEST_ADMIN_URL_VARIABLE } from './test-database.js';

// Jest may load global setup and teardown as separate module instances, so the server lives on globalThis.
const holder = globalThis as { shopTestPostgres?: LocalPostgres };

function urlFromPgVariables(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.PGHOST) return undefined;
  const auth = `${encodeURIComponent(env.PGUSER ?? 'postgres')}${env.PGPASSWORD ? `:${encodeURIComponent(env.PGPASSWORD)}` : ''}`;
  return `postgres://${auth}@${env.PGHOST}:${env.PGPORT ?? '5432'}/${env.PGDATABASE ?? 'postgres'}`;
}

/**
 * Finds a Postgres for the whole test run (DATABASE_URL, then PG* variables, then localhost:5432, else an
 * embedded one under .data/test-postgres) and hands its URL to the jest workers through the environment.
 * SHOP_TEST_POSTGRES=embedded skips the search and always uses the embedded one.
 */
export async function setupTestPostgres(rootDir: string): Promise<void> {
  const candidates =
    process.env.SHOP_TEST_POSTGRES === 'embedded'
      ? []
      : [process.env.DATABASE_URL, urlFromPgVariables(process.env), DEFAULT_LOCAL_POSTGRES_URL].filter((url): url is string => Boolean(url));
  const server = await startLocalPostgres({ candidates, dataDir: join(rootDir, '.data', 'test-postgres') });
  holder.shopTestPostgres = server;
  process.env[TEST_ADMIN_URL_VARIABLE] = server.adminUrl;
  const where = server.embedded ? 'embedded Postgres' : new URL(server.adminUrl).host;
  process.stdout.write(`\ntests use Postgres at ${where}\n`);
}

/** Stops the embedded Postgres if setup started one. */
export async function teardownTestPostgres(): Promise<void> {
  await holder.shopTestPostgres?.stop();
  holder.shopTestPostgres = undefined;
}
