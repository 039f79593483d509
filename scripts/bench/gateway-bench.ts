// `pnpm bench:gateway`: requests per second and latency of the gateway's read path, beside a bare Apollo server
// answering a constant (the baseline ARCHITECTURE.md's figures are relative to), measured in the same run.
// The load comes from autocannon in a separate process, so it does not share the servers' event loop.
// The account service signs with a key made for the run; the others fetch its public keys as they do in production.
// Reads are anonymous except the orders scenario, which sends an admin's token (checked on every request).
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildAccountApp } from '@shop/account/app';
import { AccountClient } from '@shop/account/client';
import { buildCatalogApp } from '@shop/catalog/app';
import { CatalogClient, type ProductView } from '@shop/catalog/client';
import { buildGatewayApp } from '@shop/gateway/app';
import { createLogger } from '@shop/logger';
import { buildOrderApp } from '@shop/order/app';
import { OrderClient } from '@shop/order/client';
// The root package does not depend on @shop/identity; like the relay bench, import it by path.
import { generateSigningKeyText, readSigningKey, startAuthentication, TokenIssuer } from '@shop/identity';
import { openBenchDatabases } from './bench-databases.js';
import { graphqlLoad } from './shop-bench/http-load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const logger = createLogger('bench', 'silent');
const grace = { SHUTDOWN_GRACE_MS: 1_000 };

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU this process (servers and services) spent per request answered, in microseconds. */
  cpuPerRequest: number;
}

// Asynchronous on purpose: the servers live in this process and must keep answering while the load runs.
async function load(name: string, url: string, query: string, token?: string): Promise<Result> {
  const cpuBefore = process.cpuUsage();
  const result = await graphqlLoad(url, query, { seconds: SECONDS, connections: CONNECTIONS, token });
  const cpu = process.cpuUsage(cpuBefore);
  return { name, rps: result.perSecond, p50: result.p50, p99: result.p99, errors: result.errors, cpuPerRequest: (cpu.user + cpu.system) / Math.max(1, result.total) };
}

const databases = await openBenchDatabases('shop_bench', ['account', 'catalog', 'order']);
const [accountDb, catalogDb, orderDb] = databases.urls;
const { suffix } = databases;

const signingKey = generateSigningKeyText();
const account = await buildAccountApp({ ACCOUNT_GRPC_PORT: 0, DATABASE_URL: accountDb!, JWT_PRIVATE_KEY: signingKey, ...grace }, logger);
const accountAddress = { ACCOUNT_GRPC_ADDRESS: `127.0.0.1:${account.port}` };
const catalog = await buildCatalogApp({ CATALOG_GRPC_PORT: 0, DATABASE_URL: catalogDb!, ...accountAddress, ...grace }, logger);
const addresses = { ...accountAddress, CATALOG_GRPC_ADDRESS: `127.0.0.1:${catalog.port}` };
const order = await buildOrderApp({ ORDER_GRPC_PORT: 0, DATABASE_URL: orderDb!, ...addresses, ...grace }, logger);
await Promise.all([account.ready, catalog.ready, order.ready]);

const clients = {
  accounts: AccountClient.connect(addresses.ACCOUNT_GRPC_ADDRESS),
  catalog: CatalogClient.connect(addresses.CATALOG_GRPC_ADDRESS),
  orders: OrderClient.connect(`127.0.0.1:${order.port}`),
};
// As gateway/src/main.ts wires it, without NATS (no revocations to follow in a bench).
const authentication = startAuthentication({ jwks: () => clients.accounts.jwks(), logger, name: 'gateway' });
const gateway = await buildGatewayApp({ GATEWAY_PORT: 0, ...addresses, ORDER_GRPC_ADDRESS: `127.0.0.1:${order.port}`, ...grace }, { clients, authentication }, logger);

// An admin token signed with the account service's key: the bench data is written as an admin.
const { token: adminToken } = await new TokenIssuer(await readSigningKey(signingKey)).issue(randomUUID(), 'ADMIN', Math.floor(Date.now() / 1000));
const asAdmin = { authorization: `Bearer ${adminToken}` };
const products: ProductView[] = [];
for (let i = 0; i < 50; i += 1) {
  products.push(await clients.catalog.create({ name: `Bench product ${i}`, description: 'Measured, not sold.', price: { amountMinor: 1999n, currencyCode: 'USD' }, stock: 100 }, asAdmin));
}
const customer = await clients.accounts.create({ name: 'Bench customer', email: `bench.${suffix}@example.com` }, asAdmin);
for (let i = 0; i < 10; i += 1) {
  await clients.orders.create({ accountId: customer.id, items: [0, 1, 2].map((k) => ({ productId: products[(i + k * 7) % 50]!.id, quantity: 1 })) }, asAdmin);
}

const bare = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });
const { url: bareUrl } = await startStandaloneServer(bare, { listen: { port: 0 } });
const gatewayUrl = `http://127.0.0.1:${gateway.port}/graphql`;

// BENCH_ONLY=product runs only the scenarios whose name holds that text (and always the baseline), e.g. to profile one.
const only = process.env.BENCH_ONLY;
const scenarios: [name: string, query: string, token?: string][] = [
  ['gateway: product(id)', `{ product(id: "${products[7]!.id}") { id name price { amount currencyCode } stock } }`],
  ['gateway: products(first: 20)', '{ products(first: 20) { edges { node { id name price { amount } } } } }'],
  ['gateway: 10 orders, account, products (admin)', `{ orders(accountId: "${customer.id}", first: 10) { edges { node { total { amount } account { name } items { name product { name } } } } } }`, adminToken],
];
const results = [await load('bare Apollo, constant (baseline)', bareUrl, '{ hello }')];
for (const [name, query, token] of scenarios) if (!only || name.includes(only)) results.push(await load(name, gatewayUrl, query, token));

const baseline = results[0]!.rps;
console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each; the three services and the gateway share this one Node process, as the bare server does\n`);
console.log('scenario'.padEnd(48) + 'req/s'.padStart(9) + '  ÷ bare' + 'p50 ms'.padStart(9) + 'p99 ms'.padStart(9) + 'errors'.padStart(8) + 'CPU µs/req'.padStart(12));
for (const result of results) {
  console.log(
    result.name.padEnd(48) +
      result.rps.toFixed(0).padStart(9) +
      (result.rps / baseline).toFixed(2).padStart(7) +
      String(result.p50).padStart(9) +
      String(result.p99).padStart(9) +
      String(result.errors).padStart(8) +
      result.cpuPerRequest.toFixed(0).padStart(12),
  );
}

await bare.stop();
await gateway.stop();
await authentication.stop();
for (const client of Object.values(clients)) client.close();
await Promise.all([order.stop(), catalog.stop(), account.stop()]);
await databases.close();
