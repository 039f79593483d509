import { AsyncLocalStorage } from 'node:async_hooks';
import type { Deadline } from '@grpc/grpc-js';

/**
 * The time limit of the incoming call a handler serves: its deadline, and a signal aborted when the call is
 * cancelled or the deadline passes. What the handler does on the call's behalf (calls to other services,
 * database statements) stops with it.
 */
export interface CallScope {
  /** Epoch milliseconds; undefined when the caller set no deadline. */
  readonly deadline: number | undefined;
  readonly signal: AbortSignal;
}

// Why ambient rather than a parameter: the limit must reach two places, outgoing calls (callUnary) and SQL (the
// pool), from handlers through use cases and repositories that have no business knowing about transport. Threading
// it would change every port's signature for something that never changes what a call may do, only how long it may
// take. Who the caller is (what it may do) stays an explicit parameter everywhere.
const storage = new AsyncLocalStorage<CallScope>();

/** What a scope needs of an incoming server call (any grpc-js server call has it). */
export interface IncomingCall {
  getDeadline(): Deadline;
  on(event: 'cancelled', listener: () => void): unknown;
  off(event: 'cancelled', listener: () => void): unknown;
}

// setTimeout fires at once for delays past 2^31 - 1 ms (about 24.8 days); such a deadline is as good as none.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The scope of the call the current code serves; undefined outside any handler (event consumers, start-up). */
export function currentCallScope(): CallScope | undefined {
  return storage.getStore();
}

/** The signal of the call the current code serves: what a service gives its Postgres pool as `requestSignal`. */
export function currentCallSignal(): AbortSignal | undefined {
  return storage.getStore()?.signal;
}

/** The deadline of a server call in epoch milliseconds; undefined when the client set none. */
export function deadlineOf(call: Pick<IncomingCall, 'getDeadline'>): number | undefined {
  const deadline = call.getDeadline();
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Runs `work` in the scope of the incoming `call`. The scope's signal aborts on the call's 'cancelled' event (the
 * client gave up or went away) and when its deadline passes; the timer and the listener go once `work` settles.
 */
export async function runInCallScope<T>(call: IncomingCall, work: () => Promise<T>): Promise<T> {
  const deadline = deadlineOf(call);
  const controller = new AbortController();
  const cancelled = () => controller.abort(new Error('the call was cancelled'));
  call.on('cancelled', cancelled);
  const remaining = deadline === undefined ? undefined : deadline - Date.now();
  const timer = remaining === undefined || remaining > MAX_TIMER_MS ? undefined : setTimeout(() => controller.abort(new Error('the call deadline passed')), Math.max(0, remaining));
  try {
    return await storage.run({ deadline, signal: controller.signal }, work);
  } finally {
    clearTimeout(timer);
    call.off('cancelled', cancelled);
  }
}
