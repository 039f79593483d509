// `pnpm bench:catalog-grpc`: the catalog's GetProduct over gRPC beside a bare grpc-js server answering the same
// message from memory (the baseline), measured in the same run: with the product cache (a hit on every call after
// the first) and without it (every call reads Postgres). The load comes from a separate process.
import { randomUUID } from 'node:crypto';
import { buildCatalogApp } from '@shop/catalog/app';
import { CatalogClient } from '@shop/catalog/client';
import { createLogger } from '@shop/logger';
import { generateSigningKeyText, readSigningKey, TokenIssuer } from '@shop/identity';
import { openBenchDatabases } from './bench-databases.js';
import { catalogGrpcLoad, startCatalogEcho, type CatalogGrpcLoadResult } from './catalog-grpc-baseline.js';

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
const bare = await startCatalogEcho(`127.0.0.1:${cached.port}`, product.id);

async function load(port: number): Promise<CatalogGrpcLoadResult & { cpuPerCall: number }> {
  const cpuBefore = process.cpuUsage();
  const result = await catalogGrpcLoad(port, product.id, SECONDS, CONCURRENCY);
  const cpu = process.cpuUsage(cpuBefore);
  return { ...result, cpuPerCall: (cpu.user + cpu.system) / Math.max(1, result.calls) };
}

const rows = [
  { name: 'bare grpc-js, same message from memory (baseline)', result: await load(bare.port) },
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

bare.stop();
await Promise.all([cached.stop(), uncached.stop()]);
await databases.close();
