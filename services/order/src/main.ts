import { onShutdownSignal } from '@shop/grpc-kit';
import { createLogger } from '@shop/logger';
import { buildOrderApp } from './app.js';
import { readOrderConfig } from './config.js';

// Composition root of the order service: read config, build, start, stop on SIGTERM/SIGINT.
const config = readOrderConfig();
const logger = createLogger('order', config.LOG_LEVEL);
const app = await buildOrderApp(config, logger);
onShutdownSignal(logger, app.stop, { graceMs: config.SHUTDOWN_GRACE_MS });
