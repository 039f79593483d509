import { onShutdownSignal } from '@shop/grpc-kit';
import { createLogger } from '@shop/logger';
import { buildAccountApp } from './app.js';
import { readAccountConfig } from './config.js';
import type { Tracing } from '@shop/tracing';

/** The composition root of the account service: read config, build, start, stop on SIGTERM/SIGINT (then flush the traces). */
export async function serve(tracing: Tracing): Promise<void> {
  const config = readAccountConfig();
  const logger = createLogger('account', config.LOG_LEVEL);
  const app = await buildAccountApp(config, logger);
  onShutdownSignal(logger, async () => {
    await app.stop();
    await tracing.stop();
  }, { graceMs: config.SHUTDOWN_GRACE_MS });
}
