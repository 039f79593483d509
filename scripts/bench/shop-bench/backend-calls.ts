// P3 of `pnpm bench`: how many calls the gateway makes to each service for one request of each scenario. The
// gateway's own code (buildGatewayApp) runs in this process against the bench's services, with each client
// wrapped to count its calls: every client method is one gRPC call.
import { AccountClient } from '@shop/account/client';
import { CatalogClient } from '@shop/catalog/client';
import { buildGatewayApp } from '@shop/gateway/app';
import { startAuthentication } from '@shop/identity';
import { createLogger } from '@shop/logger';
import { OrderClient } from '@shop/order/client';
import type { LocalPorts } from '../../local-run/apps.js';

/** Calls per service (and per method, for the report) of one request. */
export interface BackendCalls {
  perService: Record<string, number>;
  methods: string[];
}

function counting<T extends object>(service: string, client: T, calls: string[]): T {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || key === 'close') return value;
      return (...args: unknown[]) => {
        calls.push(`${service}.${String(key)}`);
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Sends each query once, each through a fresh gateway (no cache or loader warmed by another), and counts. */
export async function countBackendCalls(ports: LocalPorts, queries: { name: string; query: string; token?: string }[]): Promise<Map<string, BackendCalls>> {
  const logger = createLogger('bench', 'silent');
  const addresses = { ACCOUNT_GRPC_ADDRESS: `127.0.0.1:${ports.account}`, CATALOG_GRPC_ADDRESS: `127.0.0.1:${ports.catalog}`, ORDER_GRPC_ADDRESS: `127.0.0.1:${ports.order}` };
  const counted = new Map<string, BackendCalls>();
  for (const { name, query, token } of queries) {
    const calls: string[] = [];
    const raw = {
      accounts: AccountClient.connect(addresses.ACCOUNT_GRPC_ADDRESS),
      catalog: CatalogClient.connect(addresses.CATALOG_GRPC_ADDRESS),
      orders: OrderClient.connect(addresses.ORDER_GRPC_ADDRESS),
    };
    const authentication = startAuthentication({ jwks: () => raw.accounts.jwks(), logger, name: 'bench-gateway' });
    const clients = { accounts: counting('account', raw.accounts, calls), catalog: counting('catalog', raw.catalog, calls), orders: counting('order', raw.orders, calls) };
    const gateway = await buildGatewayApp({ GATEWAY_PORT: 0, ...addresses, SHUTDOWN_GRACE_MS: 1_000 }, { clients, authentication }, logger);
    try {
      const response = await fetch(`http://127.0.0.1:${gateway.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
      const answer = (await response.json()) as { errors?: unknown };
      if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
      // The token check fetches the account service's public keys once: that is not a call of the request.
      const methods = calls.filter((call) => call !== 'account.jwks');
      const perService: Record<string, number> = {};
      for (const call of methods) perService[call.split('.')[0]!] = (perService[call.split('.')[0]!] ?? 0) + 1;
      counted.set(name, { perService, methods });
    } finally {
      await gateway.stop();
      await authentication.stop();
      for (const client of Object.values(raw)) client.close();
    }
  }
  return counted;
}
