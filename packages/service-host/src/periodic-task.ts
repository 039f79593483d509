import type { Logger } from '@shop/logger';
import type { BackgroundTask } from './service-host.js';

/** What startPeriodicTask runs: a clean-up that says how many rows it removed. */
export interface PeriodicTaskOptions {
  /** What is cleaned, for the log lines ("expired idempotency keys"). */
  what: string;
  intervalMs: number;
  run: () => Promise<number>;
  logger: Logger;
}

/**
 * Runs a clean-up at start and then every `intervalMs`, in the background rather than on the requests that make the
 * rows, so no write pays for it. A failed run is logged and tried again next time; stop waits for the current run.
 */
export function startPeriodicTask(options: PeriodicTaskOptions): BackgroundTask {
  let running: Promise<unknown> = Promise.resolve();
  const runOnce = () => {
    running = options
      .run()
      .then((deleted) => deleted > 0 && options.logger.debug({ deleted }, `pruned ${options.what}`))
      .catch((error: unknown) => options.logger.warn({ err: error }, `pruning ${options.what} failed; trying again next time`));
  };
  runOnce();
  const timer = setInterval(runOnce, options.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
