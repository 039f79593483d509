import type { Logger } from '@shop/logger';
import { startPeriodicTask, type BackgroundTask } from '@shop/service-host';
import { IDEMPOTENCY_WINDOW_MS } from '../domain/idempotency.js';
import type { OrderRepository } from '../domain/order-repository.js';

/** How often expired idempotency keys are deleted. Reads ignore them anyway; this only bounds the table. */
export const IDEMPOTENCY_PRUNE_INTERVAL_MS = 10 * 60_000;

/** Deletes idempotency key records older than their 24 hours, at start and then every 10 minutes. */
export function startIdempotencyPruner(orders: Pick<OrderRepository, 'pruneIdempotencyRecords'>, logger: Logger, now: () => Date = () => new Date()): BackgroundTask {
  return startPeriodicTask({
    what: 'expired idempotency keys',
    intervalMs: IDEMPOTENCY_PRUNE_INTERVAL_MS,
    run: () => orders.pruneIdempotencyRecords(new Date(now().getTime() - IDEMPOTENCY_WINDOW_MS)),
    logger,
  });
}
