import { onShutdownSignal } from '@shop/grpc-kit';
import { createLogger } from '@shop/logger';
import { buildAccountApp } from './app.js';
import { readAccountConfig } from './config.js';

// Composition root of the account service: read config, build, start, stop on SIGTERM/SIGINT.
const config = readAccountConfig();
const logger = createLogger('account', config.LOG_LEVEL);
const app = await buildAccountApp(config, logger);
onShutdownSignal(logger, app.stop, { graceMs: config.SHUTDOWN_GRACE_MS });
