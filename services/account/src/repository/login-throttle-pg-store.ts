import { mapConnectionErrors, type Pool } from '@shop/postgres';
import { AccountStoreUnavailableError } from '../domain/account-errors.js';
import type { LoginThrottle } from '../domain/credentials.js';

/** LoginThrottle on Postgres: one row per failed login, so every replica of the service counts the same failures. */
export class LoginThrottlePgStore implements LoginThrottle {
  constructor(private readonly pool: Pool) {}

  failuresSince(emailKey: string, since: Date): Promise<Date[]> {
    return this.run(async () => {
      const { rows } = await this.pool.query<{ failed_at: Date }>({
        name: 'login-failures-since',
        text: 'SELECT failed_at FROM login_failures WHERE email_key = $1 AND failed_at >= $2 ORDER BY failed_at',
        values: [emailKey, since],
      });
      return rows.map((row) => row.failed_at);
    });
  }

  recordFailure(emailKey: string, at: Date): Promise<void> {
    return this.run(async () => {
      await this.pool.query({ name: 'login-failure-record', text: 'INSERT INTO login_failures (email_key, failed_at) VALUES ($1, $2)', values: [emailKey, at] });
    });
  }

  clear(emailKey: string): Promise<void> {
    return this.run(async () => {
      await this.pool.query({ name: 'login-failures-clear', text: 'DELETE FROM login_failures WHERE email_key = $1', values: [emailKey] });
    });
  }

  prune(before: Date): Promise<number> {
    return this.run(async () => (await this.pool.query('DELETE FROM login_failures WHERE failed_at < $1', [before])).rowCount ?? 0);
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    return mapConnectionErrors(work, () => new AccountStoreUnavailableError());
  }
}
