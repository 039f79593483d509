import { onShutdownSignal } from '@shop/grpc-kit';
import { createLogger } from '@shop/logger';
import { buildCatalogApp } from './app.js';
import { readCatalogConfig } from './config.js';

// Composition root of the catalog service: read config, build, start, stop on SIGTERM/SIGINT.
const config = readCatalogConfig();
const logger = createLogger('catalog', config.LOG_LEVEL);
const app = await buildCatalogApp(config, logger);
onShutdownSignal(logger, app.stop, { graceMs: config.SHUTDOWN_GRACE_MS });
