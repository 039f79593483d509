import { deleteOlderThan, mapConnectionErrors, withTransaction, type Pool } from '@shop/postgres';
import { AccountStoreUnavailableError } from '../domain/account-errors.js';
import type { AttemptCount, LoginThrottle } from '../domain/credentials.js';

/** LoginThrottle on Postgres: one row per counted attempt, so every replica of the service counts the same failures. */
export class LoginThrottlePgStore implements LoginThrottle {
  constructor(private readonly pool: Pool) {}

  countAttempt(emailKey: string, at: Date, since: Date, limit: number): Promise<AttemptCount> {
    return this.run(() =>
      withTransaction(this.pool, async (tx) => {
        // Attempts for one email are decided one at a time (on every replica), so each sees the ones before it.
        await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`login-throttle:${emailKey}`]);
        const { rows } = await tx.query<{ failed_at: Date }>({
          name: 'login-failures-since',
          text: 'SELECT failed_at FROM login_failures WHERE email_key = $1 AND failed_at >= $2 ORDER BY failed_at',
          values: [emailKey, since],
        });
        if (rows.length >= limit) return { admitted: false, failures: rows.map((row) => row.failed_at) };
        await tx.query({ name: 'login-failure-record', text: 'INSERT INTO login_failures (email_key, failed_at) VALUES ($1, $2)', values: [emailKey, at] });
        return { admitted: true };
      }),
    );
  }

  clear(emailKey: string): Promise<void> {
    return this.run(async () => {
      await this.pool.query({ name: 'login-failures-clear', text: 'DELETE FROM login_failures WHERE email_key = $1', values: [emailKey] });
    });
  }

  prune(before: Date): Promise<number> {
    return this.run(() => deleteOlderThan(this.pool, 'login_failures', 'failed_at', before));
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    return mapConnectionErrors(work, () => new AccountStoreUnavailableError());
  }
}
