/** How long a row waits after a failed publish: capped exponential backoff. */
export interface RetryPolicy {
  /** The wait after the first failure (before jitter). */
  baseMs: number;
  /** The wait never grows beyond this; keep it under JetStream's 2-minute duplicate window. */
  maxMs: number;
}

/** Half a second, doubling up to 30 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 500, maxMs: 30_000 };

/**
 * The wait after the `attempt`-th failed publish of a row: base * 2^(attempt - 1), capped, with "equal jitter"
 * (half of it fixed, half random), so rows that failed together retry spread out yet never immediately.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return ceiling / 2 + random() * (ceiling / 2);
}
