import { onShutdownSignal } from '@shop/grpc-kit';
import { createLogger } from '@shop/logger';
import { buildCatalogApp } from './app.js';
import { readCatalogConfig } from './config.js';
import type { Tracing } from '@shop/tracing';

/** The composition root of the catalog service: read config, build, start, stop on SIGTERM/SIGINT (then flush the traces). */
export async function serve(tracing: Tracing): Promise<void> {
  const config = readCatalogConfig();
  const logger = createLogger('catalog', config.LOG_LEVEL);
  const app = await buildCatalogApp(config, logger);
  onShutdownSignal(logger, async () => {
    await app.stop();
    await tracing.stop();
  }, { graceMs: config.SHUTDOWN_GRACE_MS });
}
