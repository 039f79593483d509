import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPool, type Pool } from '@shop/postgres';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { MIGRATIONS } from '../src/app.js';
import { accountEventsWire } from '../src/events/account-events-wire.js';
import { AccountStoreUnavailableError, EmailTakenError } from '../src/domain/account-errors.js';
import { AccountPgRepository } from '../src/repository/account-pg-repository.js';
import { anAccount } from './account-builder.js';
import { describeAccountRepositoryContract } from './account-repository-contract.js';

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase('account_repo', MIGRATIONS);
  pool = createPool(database.url);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

describeAccountRepositoryContract('Postgres', async () => {
  await pool.query('TRUNCATE accounts, account_credentials, account_create_requests, refresh_tokens, outbox');
  return new AccountPgRepository(pool, accountEventsWire);
});

describe('AccountPgRepository', () => {
  it('ends a race between two creates with the same email in one account and one EmailTakenError', async () => {
    const repository = new AccountPgRepository(pool, accountEventsWire);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => repository.add(anAccount({ email: i % 2 ? 'race@example.com' : 'RACE@example.com' }), null)),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const reasons = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(reasons).toHaveLength(7);
    expect(reasons.every((reason) => reason instanceof EmailTakenError)).toBe(true);
  });

  it('reports a database it cannot reach as AccountStoreUnavailableError, not as an internal error', async () => {
    const unreachable = createPool('postgres://postgres@127.0.0.1:1/shop_test_nowhere');
    try {
      await expect(new AccountPgRepository(unreachable, accountEventsWire).get(anAccount().id)).rejects.toBeInstanceOf(AccountStoreUnavailableError);
    } finally {
      await unreachable.end();
    }
  });
});
