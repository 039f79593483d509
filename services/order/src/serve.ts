import { onShutdownSignal } from '@shop/grpc-kit';
import { createLogger } from '@shop/logger';
import { buildOrderApp } from './app.js';
import { readOrderConfig } from './config.js';
import type { Tracing } from '@shop/tracing';

/** The composition root of the order service: read config, build, start, stop on SIGTERM/SIGINT (then flush the traces). */
export async function serve(tracing: Tracing): Promise<void> {
  const config = readOrderConfig();
  const logger = createLogger('order', config.LOG_LEVEL);
  const app = await buildOrderApp(config, logger);
  onShutdownSignal(logger, async () => {
    await app.stop();
    await tracing.stop();
  }, { graceMs: config.SHUTDOWN_GRACE_MS });
}
