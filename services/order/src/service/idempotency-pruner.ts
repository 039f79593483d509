import type { Logger } from '@shop/logger';
import { IDEMPOTENCY_WINDOW_MS } from '../domain/idempotency.js';
import type { OrderRepository } from '../domain/order-repository.js';

/** How often expired idempotency keys are deleted. Reads ignore them anyway; this only bounds the table. */
export const IDEMPOTENCY_PRUNE_INTERVAL_MS = 10 * 60_000;

/**
 * Deletes idempotency key records older than their 24 hours, at start and then every 10 minutes, in the
 * background rather than on each createOrder (which would make every write pay for the cleanup). A failure is
 * logged and tried again next time.
 */
export function startIdempotencyPruner(orders: Pick<OrderRepository, 'pruneIdempotencyRecords'>, logger: Logger, now: () => Date = () => new Date()): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const prune = () => {
    running = orders
      .pruneIdempotencyRecords(new Date(now().getTime() - IDEMPOTENCY_WINDOW_MS))
      .then((deleted) => deleted > 0 && logger.debug({ deleted }, 'pruned expired idempotency keys'))
      .catch((error: unknown) => logger.warn({ err: error }, 'pruning idempotency keys failed'));
  };
  prune();
  const timer = setInterval(prune, IDEMPOTENCY_PRUNE_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
