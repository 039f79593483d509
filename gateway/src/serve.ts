import cluster from 'node:cluster';
import { AccountClient } from '@shop/account/client';
import { CatalogClient } from '@shop/catalog/client';
import { onShutdownSignal } from '@shop/grpc-kit';
import { startAuthentication } from '@shop/identity';
import { createLogger, type Logger } from '@shop/logger';
import { OrderClient } from '@shop/order/client';
import { buildGatewayApp } from './app.js';
import { OrderStatusFeed } from './events/order-status-feed.js';
import { readGatewayConfig, type GatewayConfig } from './config.js';
import { superviseWorkers } from './workers.js';
import type { Tracing } from '@shop/tracing';
import { clusterMetricsSource, collectProcessMetrics, shareMetricsWithPrimary, startMetricsServer } from '@shop/metrics';

// The gateway's composition root, imported by main.ts once tracing has started: read config; with GATEWAY_WORKERS
// above 1, a primary that runs that many workers, each of which serves as a single gateway does: connect the
// clients (lazily: services may start later), build, stop on SIGTERM (and SIGINT, when not a worker).

/** Runs the gateway: a primary with workers, a worker, or a single process, per GATEWAY_WORKERS. */
export async function runGateway(tracing: Tracing): Promise<void> {
  const config = readGatewayConfig();
  const logger = createLogger('gateway', config.LOG_LEVEL);
  if (cluster.isPrimary && config.GATEWAY_WORKERS > 1) {
    // One /metrics for the whole gateway: the primary sums what its workers count. Bound before any worker is
    // forked, so a port in use stops the start cleanly instead of orphaning workers.
    if (config.METRICS_PORT !== undefined) {
      const metrics = await startMetricsServer({ port: config.METRICS_PORT, host: config.METRICS_HOST, source: clusterMetricsSource() });
      logger.info({ port: metrics.port }, 'metrics of every worker served on /metrics');
    }
    // Cursors must verify whichever worker answers: every worker gets the key this primary read or made.
    superviseWorkers({ count: config.GATEWAY_WORKERS, env: { CURSOR_SECRET: config.CURSOR_SECRET }, graceMs: config.SHUTDOWN_GRACE_MS, logger });
  } else if (cluster.isWorker) {
    collectProcessMetrics('gateway');
    shareMetricsWithPrimary();
    await serve({ ...config, METRICS_PORT: undefined }, logger, tracing);
  } else {
    await serve(config, logger, tracing);
  }
}

async function serve(config: GatewayConfig, logger: Logger, tracing: Tracing): Promise<void> {
  const accounts = AccountClient.connect(config.ACCOUNT_GRPC_ADDRESS);
  const catalog = CatalogClient.connect(config.CATALOG_GRPC_ADDRESS);
  const orders = OrderClient.connect(config.ORDER_GRPC_ADDRESS);
  const authentication = startAuthentication({ jwks: () => accounts.jwks(), natsUrl: config.NATS_URL, logger, name: 'gateway' });
  const orderFeed = OrderStatusFeed.start(config.NATS_URL, logger, {
    checkToken: (authorization) => authentication.verifier.authenticate(authorization),
    restartDelayMs: config.ORDER_FEED_RESTART_DELAY_MS,
  });
  const app = await buildGatewayApp(config, { clients: { accounts, catalog, orders }, authentication, orderFeed }, logger);
  const stop = async () => {
    await app.stop();
    await orderFeed.stop();
    await authentication.stop();
    for (const client of [accounts, catalog, orders]) client.close();
    await tracing.stop();
  };
  if (!cluster.isWorker) return onShutdownSignal(logger, stop, { graceMs: config.SHUTDOWN_GRACE_MS });
  // A worker stops when its primary says so (SIGTERM), and when its primary is gone (it would serve nobody).
  onShutdownSignal(logger, stop, { graceMs: config.SHUTDOWN_GRACE_MS, signals: ['SIGTERM'] });
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
