import { connect } from 'node:net';
import { AccountClient } from '@shop/account/client';
import { CatalogClient } from '@shop/catalog/client';
import type { CallPolicy } from '@shop/grpc-kit';
import { startAuthentication } from '@shop/identity';
import { createLogger } from '@shop/logger';
import { OrderClient } from '@shop/order/client';
import { testIdentity } from '@shop/testing';
import { buildGatewayApp } from '../src/app.js';
import type { GatewayLimits } from '../src/config.js';
import { countCalls, type CallLog } from './counting-clients.js';
import { unusedAddress } from './free-port.js';

const logger = createLogger('gateway-test', (process.env.TEST_LOG ?? 'silent') as 'silent');
const quickPolicy: CallPolicy = { deadlineMs: 1_000, maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 20 };

/** A real gateway on a free port whose services are all down, so any call it makes shows in `calls`. */
export interface DownGateway {
  baseUrl: string;
  port: number;
  /** Every client call, as "service.method"; a limit that holds leaves it empty. */
  calls: CallLog;
  stop(): Promise<void>;
}

/** Starts a gateway with every service down and the given limits (the rest at their defaults). */
export async function startDownGateway(limits: Partial<GatewayLimits> = {}): Promise<DownGateway> {
  const [account, catalog, order] = [await unusedAddress(), await unusedAddress(), await unusedAddress()];
  const real = {
    accounts: AccountClient.connect(account, quickPolicy),
    catalog: CatalogClient.connect(catalog, quickPolicy),
    orders: OrderClient.connect(order, quickPolicy),
  };
  const counted = countCalls(real);
  const identity = await testIdentity();
  const authentication = startAuthentication({ jwks: identity.jwks, logger, name: 'gateway' });
  const config = { GATEWAY_PORT: 0, ACCOUNT_GRPC_ADDRESS: account, CATALOG_GRPC_ADDRESS: catalog, ORDER_GRPC_ADDRESS: order, SHUTDOWN_GRACE_MS: 1_000, ...limits };
  const app = await buildGatewayApp(config, { clients: counted.clients, authentication }, logger);
  return {
    baseUrl: `http://127.0.0.1:${app.port}`,
    port: app.port,
    calls: counted.calls,
    stop: async () => {
      await app.stop();
      await authentication.stop();
      for (const client of Object.values(real)) client.close();
    },
  };
}

/** What a raw TCP client saw: the bytes the server sent, and whether (and after how long) it closed the socket. */
export interface RawExchange {
  received: string;
  closedByServer: boolean;
  elapsedMs: number;
}

/**
 * Sends `text` on a fresh TCP connection and waits until the server closes it, or `waitMs` passes (then the
 * client closes it). For what fetch cannot send: odd request targets, half a request.
 */
export function rawExchange(port: number, text: string, waitMs: number): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let closedByServer = false;
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('end', () => (closedByServer = true));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET') closedByServer = true;
      else reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ received, closedByServer, elapsedMs: Math.round(performance.now() - started) });
    });
    socket.write(text);
  });
}
