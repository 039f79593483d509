import { AccountClient } from '@shop/account/client';
import { CatalogClient } from '@shop/catalog/client';
import { startAuthentication } from '@shop/identity';
import { createLogger } from '@shop/logger';
import { OrderClient } from '@shop/order/client';
import { buildGatewayApp } from '../../src/app.js';
import { readGatewayConfig } from '../../src/config.js';
import { OrderStatusFeed, type OrderStatusFeedStats } from '../../src/events/order-status-feed.js';

// A gateway in a process of its own, wired as main.ts wires it, for tests that measure its heap alone (a jest
// worker's heap holds the test, the services and jest itself). The test forks it with --expose-gc and the
// environment main.ts reads, and talks to it over the IPC channel.

/** What the test sends: a request for the figures (after full garbage collections when `gc`), or stop. */
export type GatewayProcessRequest = { type: 'stats'; gc: boolean } | { type: 'stop' };

/** What the process answers: its port once ready, then the figures asked for. */
export type GatewayProcessMessage = { type: 'ready'; port: number } | { type: 'stats'; heapUsed: number; feed: OrderStatusFeedStats };

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('start the gateway process with --expose-gc');
const send = (message: GatewayProcessMessage) => process.send!(message);

const config = readGatewayConfig();
const logger = createLogger('gateway-process', config.LOG_LEVEL);
const accounts = AccountClient.connect(config.ACCOUNT_GRPC_ADDRESS);
const catalog = CatalogClient.connect(config.CATALOG_GRPC_ADDRESS);
const orders = OrderClient.connect(config.ORDER_GRPC_ADDRESS);
const authentication = startAuthentication({ jwks: () => accounts.jwks(), natsUrl: config.NATS_URL, logger, name: 'gateway' });
const orderFeed = OrderStatusFeed.start(config.NATS_URL, logger, { checkToken: (authorization) => authentication.verifier.authenticate(authorization) });
const app = await buildGatewayApp(config, { clients: { accounts, catalog, orders }, authentication, orderFeed }, logger);
await orderFeed.listening;

process.on('message', (request: GatewayProcessRequest) => {
  void (async () => {
    if (request.type === 'stop') {
      await app.stop();
      await orderFeed.stop();
      await authentication.stop();
      for (const client of [accounts, catalog, orders]) client.close();
      process.exit(0);
    }
    if (request.gc) {
      // Several rounds, with turns of the event loop between, so finalizers and weak references settle.
      for (let round = 0; round < 4; round += 1) {
        collect();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    send({ type: 'stats', heapUsed: process.memoryUsage().heapUsed, feed: orderFeed.stats() });
  })();
});
send({ type: 'ready', port: app.port });
