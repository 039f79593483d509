/**
 * How a client calls: the deadline of the whole call (retries included; shorter when made from a handler whose own
 * call has less time left) and the retry schedule for UNAVAILABLE, for the calls whose RetrySafety allows a retry.
 */
export interface CallPolicy {
  deadlineMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

/** Defaults: a 5 s deadline, up to 4 attempts, backoff from 50 ms doubling up to 1 s. */
export const DEFAULT_CALL_POLICY: CallPolicy = {
  deadlineMs: 5_000,
  maxAttempts: 4,
  initialBackoffMs: 50,
  maxBackoffMs: 1_000,
};

/**
 * The wait before retry number `retry` (1-based): capped exponential backoff with full jitter,
 * so many clients retrying at once do not hit the server in step.
 */
export function backoffMs(policy: CallPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}

/**
 * Channel options for every client. grpc-js waits 1 s (growing to 120 s) before reconnecting to a server that
 * refused a connection, which would make our own retries fail fast against a dependency that has just started;
 * shorter reconnect backoff lets a retry find it.
 */
export const CLIENT_CHANNEL_OPTIONS = {
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 2_000,
} as const;
