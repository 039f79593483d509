import { setTimeout as sleep } from 'node:timers/promises';
import { UnavailableError } from '@shop/errors';
import { isConnectionError } from '@shop/postgres';

/** Capped exponential backoff: the first delay, doubled per attempt up to the cap. */
export interface RetryDelays {
  initialMs: number;
  maxMs: number;
}

/** Between handler attempts (the nak delay): 1 s, 2 s, 4 s ... at most a minute. */
export const DEFAULT_RETRY_DELAYS: RetryDelays = { initialMs: 1_000, maxMs: 60_000 };

/** Handler attempts before an event goes to the dead letters (CONSUMER_MAX_ATTEMPTS). */
export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * The most time the waits between a failing event's attempts may add up to (CONSUMER_MAX_HOLD_MS): the consumer
 * takes one message at a time, so a poison event holds its whole stream that long at most (plus its handler runs).
 */
export const DEFAULT_MAX_HOLD_MS = 30_000;

/** While Postgres or NATS is away: retried quickly at first, then every 5 s. */
export const OUTAGE_RETRY_DELAYS: RetryDelays = { initialMs: 250, maxMs: 5_000 };

/** The delay after failed attempt number `attempt` (1-based). */
export function retryDelayMs(attempt: number, delays: RetryDelays): number {
  return Math.min(delays.initialMs * 2 ** Math.max(0, attempt - 1), delays.maxMs);
}

/**
 * The nak delays after attempts 1, 2, ... of a failing event: the capped exponential delays, cut short so that they
 * never add up to more than `maxHoldMs`, and at most `maxAttempts - 1` of them. An attempt with no delay left is the
 * last one: the event is dead-lettered when it fails. With the defaults: 1 s, 2 s, 4 s, 8 s (15 s of waiting).
 */
export function retrySchedule(maxAttempts: number, delays: RetryDelays, maxHoldMs: number): number[] {
  const schedule: number[] = [];
  let total = 0;
  for (let attempt = 1; attempt < maxAttempts; attempt += 1) {
    const delay = Math.min(retryDelayMs(attempt, delays), maxHoldMs - total);
    if (delay <= 0) break;
    schedule.push(delay);
    total += delay;
  }
  return schedule;
}

// Serialization failure and deadlock: Postgres itself asks the client to try again.
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

/**
 * True when a failure is the infrastructure's and not the event's (the database is unreachable, or asked for a
 * retry, or the handler reported a dependency UNAVAILABLE): such failures are retried in place and never count as
 * an attempt, so an outage dead-letters nothing.
 */
export function isTransientError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return (
    isConnectionError(error) ||
    error instanceof UnavailableError ||
    (typeof code === 'string' && RETRYABLE_SQLSTATES.has(code)) ||
    // pg's answer to a query on a connection that broke while it sat between two queries.
    (error instanceof Error && /is not queryable/.test(error.message))
  );
}

/**
 * Runs `work` until it succeeds or fails with a non-transient error (thrown). Aborting `signal` ends the waiting
 * with an AbortError, so a stopping consumer does not wait out an outage.
 */
export async function retryWhileTransient<T>(
  work: () => Promise<T>,
  options: { signal: AbortSignal; onRetry(error: unknown, delayMs: number): void },
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isTransientError(error) || options.signal.aborted) throw error;
      const delayMs = retryDelayMs(attempt, OUTAGE_RETRY_DELAYS);
      options.onRetry(error, delayMs);
      await sleep(delayMs, undefined, { signal: options.signal });
    }
  }
}

/** An error as one line of text for logs and the dead-letter table (stack included: it is what finds the bug). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.length > 8_000 ? `${text.slice(0, 8_000)}…` : text;
}
