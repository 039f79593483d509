// `pnpm bench:identity`: what identity costs. The time of one password hash; logins per second through the
// account service; the CPU a token check takes per request (first sight of a token, then the cached one); and the
// bytes and time a forwarded token adds to one gRPC call. Uses scratch databases on DATABASE_URL's server or the
// local Postgres (an embedded one when neither answers), dropped at the end. About half a minute on two cores.
import { createServer, connect } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { buildAccountApp } from '@shop/account/app';
import { AccountClient } from '@shop/account/client';
import { buildCatalogApp } from '@shop/catalog/app';
import { CatalogClient } from '@shop/catalog/client';
import { DenyList, generateSigningKeyText, JwksCache, readSigningKey, TokenIssuer, TokenVerifier } from '@shop/identity';
import { DEFAULT_LOCAL_POSTGRES_URL, ensureDatabase, startLocalPostgres } from '@shop/local-postgres';
import { createLogger } from '@shop/logger';
import pg from 'pg';
import { ARGON2_OPTIONS, Argon2PasswordHasher } from '../../services/account/src/security/argon2-password-hasher.js';

const root = join(import.meta.dirname, '..', '..');
const logger = createLogger('bench', 'silent');
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

console.log(`identity bench: node ${process.version}, ${availableParallelism()} cores`);

// 1. One password hash (argon2id with the service's parameters), one at a time.
const hasher = new Argon2PasswordHasher();
await hasher.hash('warm up the library');
const hashTimes: number[] = [];
for (let i = 0; i < 20; i += 1) {
  const started = performance.now();
  await hasher.hash(`correct horse battery staple ${i}`);
  hashTimes.push(performance.now() - started);
}
hashTimes.sort((a, b) => a - b);
console.log(`\npassword hash (argon2id m=${ARGON2_OPTIONS.memoryCost} KiB, t=${ARGON2_OPTIONS.timeCost}, p=${ARGON2_OPTIONS.parallelism}): median ${percentile(hashTimes, 50).toFixed(1)} ms, p90 ${percentile(hashTimes, 90).toFixed(1)} ms`);

// 2. Token checks: the signature on first sight of a token, then the verifier's cache of verified tokens.
const key = await readSigningKey(generateSigningKeyText());
const issuer = new TokenIssuer(key);
const tokens = await Promise.all(Array.from({ length: 2_000 }, (_, i) => issuer.issue(`0196a1b2-0000-7000-8000-${String(i).padStart(12, '0')}`, 'CUSTOMER', Math.floor(Date.now() / 1000)).then((issued) => `Bearer ${issued.token}`)));
const verifier = new TokenVerifier(new JwksCache(async () => ({ keys: [key.publicJwk] })), new DenyList());
async function cpuPerCheck(values: string[]): Promise<number> {
  const before = process.cpuUsage();
  for (const value of values) await verifier.authenticate([value]);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / values.length;
}
const firstSight = await cpuPerCheck(tokens);
const cached = await cpuPerCheck(tokens);
console.log(`token check, CPU per request: ${firstSight.toFixed(0)} µs on first sight (EdDSA signature), ${cached.toFixed(1)} µs once cached`);

// 3 and 4 need the services: an account service (sign-in, keys) and a catalog service (a public read to forward a token to).
const postgres = await startLocalPostgres({ candidates: [process.env.DATABASE_URL ?? DEFAULT_LOCAL_POSTGRES_URL], dataDir: join(root, '.data', 'bench-postgres') });
const suffix = Date.now().toString(36);
const databases = [`shop_bench_identity_account_${suffix}`, `shop_bench_identity_catalog_${suffix}`];
const [accountDb, catalogDb] = await Promise.all(databases.map((name) => ensureDatabase(postgres.adminUrl, name)));
const admin = { email: 'bench-admin@shop.test', password: 'bench admin password' };
const account = await buildAccountApp(
  { ACCOUNT_GRPC_PORT: 0, DATABASE_URL: accountDb!, SHUTDOWN_GRACE_MS: 1_000, JWT_PRIVATE_KEY: generateSigningKeyText(), ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
  logger,
);
const catalog = await buildCatalogApp({ CATALOG_GRPC_PORT: 0, DATABASE_URL: catalogDb!, SHUTDOWN_GRACE_MS: 1_000, ACCOUNT_GRPC_ADDRESS: `127.0.0.1:${account.port}` }, logger);
await Promise.all([account.ready, catalog.ready]);
const accounts = AccountClient.connect(`127.0.0.1:${account.port}`);
try {
  // 3. Logins per second: 8 callers, each signing in its own customer (one email's concurrent attempts count
  // against its throttle) for 5 s.
  const password = 'bench customer password';
  const customers = await Promise.all(Array.from({ length: 8 }, (_, i) => accounts.register({ name: 'Bench', email: `bench.${suffix}.${i}@example.com`, password })));
  const customer = customers[0]!;
  let logins = 0;
  const until = Date.now() + 5_000;
  await Promise.all(
    customers.map(async ({ account: signedUp }) => {
      while (Date.now() < until) {
        await accounts.login({ email: signedUp.email, password });
        logins += 1;
      }
    }),
  );
  console.log(`logins: ${(logins / 5).toFixed(0)}/s (8 concurrent callers, one argon2id check each)`);

  // 4. A forwarded token on a public catalog read: bytes on the wire and time per call, beside the same call without one.
  let bytesToServer = 0;
  const proxy = createServer((client) => {
    const upstream = connect(catalog.port, '127.0.0.1');
    // Without it, Nagle's algorithm and delayed acks add ~40 ms to every small request crossing the proxy.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.on('data', (chunk: Buffer) => (bytesToServer += chunk.length));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as { port: number }).port;
  const auth = { authorization: `Bearer ${customer.accessToken}` };
  async function perCall(withToken: boolean, calls: number): Promise<{ bytes: number; microseconds: number }> {
    const catalogClient = CatalogClient.connect(`127.0.0.1:${port}`);
    for (let i = 0; i < 200; i += 1) await catalogClient.list({ pageSize: 1 }, withToken ? auth : undefined);
    bytesToServer = 0;
    const started = performance.now();
    for (let i = 0; i < calls; i += 1) await catalogClient.list({ pageSize: 1 }, withToken ? auth : undefined);
    const elapsed = performance.now() - started;
    catalogClient.close();
    return { bytes: bytesToServer / calls, microseconds: (elapsed * 1000) / calls };
  }
  const rounds: { without: { bytes: number; microseconds: number }; with: { bytes: number; microseconds: number } }[] = [];
  for (let round = 0; round < 3; round += 1) rounds.push({ without: await perCall(false, 2_000), with: await perCall(true, 2_000) });
  const best = (pick: (round: (typeof rounds)[number]) => number) => Math.min(...rounds.map(pick));
  const [bytesWithout, bytesWith] = [best((round) => round.without.bytes), best((round) => round.with.bytes)];
  const [timeWithout, timeWith] = [best((round) => round.without.microseconds), best((round) => round.with.microseconds)];
  console.log(
    `forwarded token on a gRPC call (ListProducts, 2,000 sequential calls, best of 3): ` +
      `${bytesWithout.toFixed(0)} → ${bytesWith.toFixed(0)} bytes sent per call (+${(bytesWith - bytesWithout).toFixed(0)}: HTTP/2 never indexes an authorization header, so the whole token travels every time), ` +
      `${timeWithout.toFixed(0)} → ${timeWith.toFixed(0)} µs per call (+${(timeWith - timeWithout).toFixed(0)} µs)`,
  );
  await new Promise((resolve) => proxy.close(resolve));
} finally {
  accounts.close();
  await Promise.all([catalog.stop(), account.stop()]);
  const client = new pg.Client({ connectionString: postgres.adminUrl });
  await client.connect();
  for (const name of databases) await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await client.end();
  await postgres.stop();
}
