import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from '@shop/local-postgres';
import { runMigrations } from '@shop/postgres';

/** Set by the jest global setup: a server URL on which tests may create and drop their own databases. */
export const TEST_ADMIN_URL_VARIABLE = 'SHOP_TEST_POSTGRES_ADMIN_URL';

/** Set by the test run's setup: a NATS with JetStream the tests may use (they name their streams uniquely). */
export const TEST_NATS_URL_VARIABLE = 'SHOP_TEST_NATS_URL';

/** The NATS URL of the test run; throws outside `pnpm test`. */
export function testNatsUrl(): string {
  const url = process.env[TEST_NATS_URL_VARIABLE];
  if (!url) throw new Error(`${TEST_NATS_URL_VARIABLE} is not set: run tests with pnpm test`);
  return url;
}

/** Refuses to touch a database whose name does not say it is for tests. */
export function assertTestDatabase(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/test/i.test(name)) {
    throw new Error(`refusing to use database "${name}" in tests: its name must contain "test"`);
  }
}

/** A fresh database for one test file, migrated, dropped again by `drop()`. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a database of its own for the calling test file (so tests never depend on each other's data),
 * runs the service's migrations in it, and returns its URL.
 */
export async function createTestDatabase(label: string, migrationsDir?: string | readonly string[]): Promise<TestDatabase> {
  const adminUrl = process.env[TEST_ADMIN_URL_VARIABLE];
  if (!adminUrl) throw new Error(`${TEST_ADMIN_URL_VARIABLE} is not set: run tests through jest's global setup (pnpm test)`);
  const name = `shop_test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(adminUrl, name);
  assertTestDatabase(url);
  await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  if (migrationsDir) await runMigrations(url, migrationsDir);
  return {
    url,
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
