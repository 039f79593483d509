import type { LoginThrottle } from '../domain/credentials.js';
import { TooManyLoginsError } from '../domain/account-errors.js';

/** API.md: 5 failed logins for one email within 15 minutes throttle it until the window ends. */
export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** One admitted attempt: report how it ended. */
export interface LoginAttempt {
  /** A failure leaves the attempt counted. */
  failed(): Promise<void>;
  /** A success clears the email's count. */
  succeeded(): Promise<void>;
}

/** The key failures are counted under: the email trimmed and lower-cased, as emails compare. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Throttles password guessing per email. `admit` refuses with RATE_LIMITED (and the seconds until the oldest
 * counted failure leaves the window) once the limit is reached; refused attempts are not counted. An admitted
 * attempt counts as a failure from the start, so parallel guesses cannot all slip in under the limit.
 */
export class LoginGuard {
  constructor(
    private readonly throttle: LoginThrottle,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async admit(email: string): Promise<LoginAttempt> {
    const key = emailKey(email);
    const now = this.now();
    const attempt = await this.throttle.countAttempt(key, now, new Date(now.getTime() - LOGIN_WINDOW_MS), LOGIN_FAILURE_LIMIT);
    if (!attempt.admitted) {
      const freedAt = attempt.failures[attempt.failures.length - LOGIN_FAILURE_LIMIT]!.getTime() + LOGIN_WINDOW_MS;
      throw new TooManyLoginsError(Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)));
    }
    return {
      failed: () => Promise.resolve(),
      succeeded: () => this.throttle.clear(key),
    };
  }
}
