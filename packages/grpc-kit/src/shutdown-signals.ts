import type { Logger } from '@shop/logger';

/** How long past its grace period a stopping process may take before it exits anyway. */
export const SHUTDOWN_MARGIN_MS = 5_000;

/**
 * Runs `stop` once on the first SIGTERM or SIGINT, then exits: 0 when it finished, 1 when it failed. Whatever
 * `stop` waits for (a database or a NATS that went away first, a call that never ends), the process exits at the
 * latest `graceMs` + 5 s after the signal. A second signal while stopping exits at once. `signals` narrows which
 * signals stop it (a cluster worker leaves SIGINT to its primary).
 */
export function onShutdownSignal(logger: Logger, stop: () => Promise<void>, options: { graceMs: number; signals?: readonly NodeJS.Signals[] }): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal, exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Not unref'd: this timer is what guarantees the exit when something in `stop` hangs.
    setTimeout(() => {
      logger.error({ graceMs: options.graceMs }, 'did not stop within the grace period and its margin; exiting now');
      process.exit(1);
    }, options.graceMs + SHUTDOWN_MARGIN_MS);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, handle);
}
