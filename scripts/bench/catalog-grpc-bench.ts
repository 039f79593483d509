// `pnpm bench:catalog-grpc`: the catalog's GetProduct over gRPC beside a bare grpc-js server answering the same
// message from memory (the baseline), measured in the same run: with the product cache (a hit on every call after
// the first) and without it (every call reads Postgres). The load comes from a separate process.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { credentials, loadPackageDefinition as grpcObjectOf, Server, ServerCredentials, type ChannelCredentials, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { buildCatalogApp } from '@shop/catalog/app';
import { CatalogClient } from '@shop/catalog/client';
import { createLogger } from '@shop/logger';
import { generateSigningKeyText, readSigningKey, TokenIssuer } from '@shop/identity';
// The root package does not depend on @shop/proto; like the relay bench, import it by path.
import { loadPackageDefinition, protoFiles } from '../../proto/src/index.js';
import { openBenchDatabases } from './bench-databases.js';

const root = join(import.meta.dirname, '..', '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const logger = createLogger('bench', 'silent');

const databases = await openBenchDatabases('shop_bench', ['catalog_grpc']);
const databaseUrl = databases.urls[0]!;
// The catalog checks tokens against this key's public half, as it would the account service's.
const signingKey = await readSigningKey(generateSigningKeyText());
const jwks = async () => ({ keys: [signingKey.publicJwk] });
const { token } = await new TokenIssuer(signingKey).issue(randomUUID(), 'ADMIN', Math.floor(Date.now() / 1000));
const admin = { auth: { authorization: `Bearer ${token}` } };
const catalogWith = (cacheEntries: number) =>
  buildCatalogApp({ CATALOG_GRPC_PORT: 0, DATABASE_URL: databaseUrl, SHUTDOWN_GRACE_MS: 1_000, PRODUCT_CACHE_MAX_ENTRIES: cacheEntries }, logger, { jwks });
const cached = await catalogWith(10_000);
const uncached = await catalogWith(0);
await Promise.all([cached.ready, uncached.ready]);

const client = CatalogClient.connect(`127.0.0.1:${cached.port}`);
const product = await client.create({ name: 'Bench kettle', description: 'Measured, not sold.', price: { amountMinor: 4_999n, currencyCode: 'EUR' }, stock: 10 }, admin.auth);
client.close();

// The baseline: the same service definition, answering GetProduct with the message the catalog answers, from memory.
type CatalogStub = { GetProduct(request: { id: string }, callback: (error: Error | null, response: unknown) => void): void; close(): void };
const { CatalogService } = (grpcObjectOf(loadPackageDefinition(protoFiles.catalog)) as unknown as {
  shop: { catalog: { v1: { CatalogService: { service: ServiceDefinition } & (new (address: string, creds: ChannelCredentials) => CatalogStub) } } };
}).shop.catalog.v1;
const stub = new CatalogService(`127.0.0.1:${cached.port}`, credentials.createInsecure());
const answer = await new Promise<unknown>((resolve, reject) => stub.GetProduct({ id: product.id }, (error, response) => (error ? reject(error) : resolve(response))));
stub.close();
const bare = new Server();
bare.addService(CatalogService.service, { GetProduct: (_call: unknown, callback: (error: null, response: unknown) => void) => callback(null, answer) } as UntypedServiceImplementation);
const barePort = await new Promise<number>((resolve, reject) => bare.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))));

interface LoadResult {
  calls: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}
const run = promisify(execFile);
async function load(port: number): Promise<LoadResult & { cpuPerCall: number }> {
  const cpuBefore = process.cpuUsage();
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--conditions=shop-src', join(import.meta.dirname, 'catalog-grpc-load.ts'), `127.0.0.1:${port}`, product.id, String(SECONDS), String(CONCURRENCY)], { cwd: root });
  const cpu = process.cpuUsage(cpuBefore);
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult;
  return { ...result, cpuPerCall: (cpu.user + cpu.system) / Math.max(1, result.calls) };
}

const rows = [
  { name: 'bare grpc-js, same message from memory (baseline)', result: await load(barePort) },
  { name: 'catalog GetProduct, cache hit', result: await load(cached.port) },
  { name: 'catalog GetProduct, no cache (Postgres)', result: await load(uncached.port) },
];
const stats = cached.productCache.stats();
console.log(`\n${CONCURRENCY} calls in flight, ${SECONDS} s each; the load runs in its own process\n`);
console.log('scenario'.padEnd(52) + 'calls/s'.padStart(9) + '  ÷ bare' + 'p50 ms'.padStart(9) + 'p99 ms'.padStart(9) + 'errors'.padStart(8) + 'server CPU µs/call'.padStart(20));
for (const { name, result } of rows) {
  console.log(
    name.padEnd(52) +
      result.perSecond.toFixed(0).padStart(9) +
      (result.perSecond / rows[0]!.result.perSecond).toFixed(2).padStart(8) +
      result.p50.toFixed(2).padStart(9) +
      result.p99.toFixed(2).padStart(9) +
      String(result.errors).padStart(8) +
      result.cpuPerCall.toFixed(0).padStart(20),
  );
}
console.log(`\nproduct cache of the cached catalog: ${stats.hits} hits, ${stats.misses} misses`);

bare.forceShutdown();
await Promise.all([cached.stop(), uncached.stop()]);
await databases.close();
