import { AccountClient } from '@shop/account/client';
import { CatalogClient } from '@shop/catalog/client';
import { onShutdownSignal } from '@shop/grpc-kit';
import { startAuthentication } from '@shop/identity';
import { createLogger } from '@shop/logger';
import { OrderClient } from '@shop/order/client';
import { buildGatewayApp } from './app.js';
import { OrderStatusFeed } from './events/order-status-feed.js';
import { readGatewayConfig } from './config.js';

// Composition root of the gateway: read config, connect the clients (lazily: services may start later), build, stop on SIGTERM/SIGINT.
const config = readGatewayConfig();
const logger = createLogger('gateway', config.LOG_LEVEL);
const accounts = AccountClient.connect(config.ACCOUNT_GRPC_ADDRESS);
const catalog = CatalogClient.connect(config.CATALOG_GRPC_ADDRESS);
const orders = OrderClient.connect(config.ORDER_GRPC_ADDRESS);
const authentication = startAuthentication({ jwks: () => accounts.jwks(), natsUrl: config.NATS_URL, logger, name: 'gateway' });
const orderFeed = OrderStatusFeed.start(config.NATS_URL, logger, {
  checkToken: (authorization) => authentication.verifier.authenticate(authorization),
  restartDelayMs: config.ORDER_FEED_RESTART_DELAY_MS,
});
const app = await buildGatewayApp(config, { clients: { accounts, catalog, orders }, authentication, orderFeed }, logger);
onShutdownSignal(logger, async () => {
  await app.stop();
  await orderFeed.stop();
  await authentication.stop();
  for (const client of [accounts, catalog, orders]) client.close();
}, { graceMs: config.SHUTDOWN_GRACE_MS });
