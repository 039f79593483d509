import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@shop/logger';
import { SHUTDOWN_MARGIN_MS } from '@shop/grpc-kit';

/** How the primary runs its workers. */
export interface WorkerSupervision {
  count: number;
  /** Added to each worker's environment: what every worker must share (the cursor key made for this start). */
  env: Record<string, string>;
  graceMs: number;
  logger: Logger;
}

/** Pause before a worker that died while serving is replaced, so a crash loop does not spin. */
const REPLACE_DELAY_MS = 1_000;

/** How much longer than a worker's own deadline (grace + margin) the primary waits, so it never races a worker's exit. */
const PRIMARY_EXTRA_MS = 2_000;

/**
 * The gateway's primary process: forks `count` workers that share the HTTP port (node:cluster hands each new
 * connection to one of them), replaces a worker that dies while serving, and stops them all on SIGTERM or SIGINT.
 * A worker that dies before it ever listened is a failed start (a port in use, bad settings): the primary stops the
 * others and exits with 1, so whatever started it sees the failure. Every worker exits at the latest the grace
 * period plus 5 s after the signal, as a single gateway does, and the primary 2 s after that.
 */
export function superviseWorkers(options: WorkerSupervision): void {
  const { logger } = options;
  const listening = new WeakSet<Worker>();
  let stopping = false;
  let exitCode = 0;

  const fork = () => cluster.fork(options.env);
  cluster.on('listening', (worker) => listening.add(worker));
  cluster.on('exit', (worker, code, signal) => {
    const served = listening.has(worker);
    if (stopping) {
      // Ended by the SIGTERM sent below before it had its handler (still starting): that is a stop, not a failure.
      const clean = code === 0 || (code === null && signal === 'SIGTERM');
      if (!clean) exitCode = 1;
      logger[clean ? 'info' : 'error']({ pid: worker.process.pid, code, signal }, 'gateway worker stopped');
    } else if (!served) {
      logger.error({ pid: worker.process.pid, code, signal }, 'a gateway worker failed to start; stopping the others');
      exitCode = 1;
      stopAll('a worker failed to start');
    } else {
      logger.error({ pid: worker.process.pid, code, signal }, 'a gateway worker died; starting another');
      setTimeout(() => stopping || fork(), REPLACE_DELAY_MS).unref();
    }
    if (stopping && Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  });

  const stopAll = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'stopping the gateway workers');
    // Not unref'd: this timer guarantees the exit when a worker hangs.
    setTimeout(() => {
      logger.error({ graceMs: options.graceMs }, 'gateway workers did not stop within the grace period and its margin; exiting now');
      process.exit(1);
    }, options.graceMs + SHUTDOWN_MARGIN_MS + PRIMARY_EXTRA_MS);
    // SIGTERM from here alone: workers leave the SIGINT of a Ctrl-C (sent to the whole group) to the primary, so
    // each drains once instead of taking the second signal as "exit now".
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  };
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGINT'));

  logger.info({ workers: options.count }, 'starting gateway workers');
  for (let i = 0; i < options.count; i += 1) fork();
}
