import { join } from 'node:path';
import { DEFAULT_LOCAL_POSTGRES_URL, startLocalPostgres, type LocalPostgres } from '@shop/local-postgres';
import { isNatsReachable, startLocalNats, type LocalNats } from '@shop/nats';
// Imported by scripts/test.ts outside jest, so it must not import @jest/globals (nor anything that does).
import { TEST_ADMIN_URL_VARIABLE, TEST_NATS_URL_VARIABLE } from './test-database.js';

// Jest may load global setup and teardown as separate module instances, so the server lives on globalThis.
const holder = globalThis as { shopTestPostgres?: LocalPostgres; shopTestNats?: LocalNats };

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

/**
 * Finds a NATS with JetStream for the test run: NATS_URL, then the usual localhost:4222, else a nats-server
 * started here (store in .data/test-nats). SHOP_TEST_NATS=local always starts one.
 */
export async function setupTestNats(rootDir: string): Promise<void> {
  const candidates = process.env.SHOP_TEST_NATS === 'local' ? [] : [process.env.NATS_URL, 'nats://127.0.0.1:4222'].filter((url): url is string => Boolean(url));
  let url: string | undefined;
  for (const candidate of candidates) {
    if (await isNatsReachable(candidate)) {
      url = candidate;
      break;
    }
  }
  if (!url) {
    holder.shopTestNats = await startLocalNats(join(rootDir, '.data', 'test-nats'));
    url = holder.shopTestNats.url;
  }
  process.env[TEST_NATS_URL_VARIABLE] = url;
  process.stdout.write(`tests use NATS at ${url}${holder.shopTestNats ? ' (a nats-server started for them)' : ''}\n`);
}

/** Stops the embedded Postgres and the nats-server when the setup started them. */
export async function teardownTestServices(): Promise<void> {
  await holder.shopTestPostgres?.stop();
  holder.shopTestPostgres = undefined;
  await holder.shopTestNats?.stop();
  holder.shopTestNats = undefined;
}
