// `pnpm bench` and `pnpm bench:quick`: every row of the speed targets, each beside its baseline measured in the
// same run. The shop runs as `pnpm start` runs it, in separate processes, but compiled, as the images run it
// (`pnpm bench` builds first; `bench:quick` builds only what is missing). Baselines run in processes of their own:
// a bare Apollo Server answering `{ ping }`, a bare grpc-js server answering the catalog's message from memory,
// and a bare pg script running createOrder's transaction. The load comes from other processes (autocannon, the
// gRPC load, the order load). Prints one table and keeps a JSON copy under bench-results/.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { megabytes, processRss } from '../../compose-rehearsal/memory.js';
import { catalogGrpcLoad } from '../catalog-grpc-baseline.js';
import { localApps } from '../../local-run/apps.js';
import { countBackendCalls, type BackendCalls } from './backend-calls.js';
import { bareOrderTransactions, waitForSettling } from './bare-order-transaction.js';
import { startBaseline, type BaselineProcess } from './baseline-process.js';
import { compiledEntry, startBenchShop, type BenchShop } from './bench-shop.js';
import { graphqlLoad, type HttpLoadResult } from './http-load.js';
import type { OrderLoadPlan, OrderLoadResult } from './order-load.js';
import { commandCpuMs, machineBusyMs, processTreeCpuMs } from './cpu-time.js';
import { formatTable, writeResults, type BenchRow } from './report.js';

const root = join(import.meta.dirname, '..', '..', '..');
const quick = process.argv.includes('--quick');
const SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 8));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ORDER_RATE = Number(process.env.BENCH_ORDER_RATE ?? 400);
const ORDER_SECONDS = Number(process.env.BENCH_ORDER_SECONDS ?? (quick ? 3 : 10));
const say = (message: string) => process.stdout.write(`bench | ${message}\n`);
const run = promisify(execFile);
const startedAt = new Date();

// Build what the images build; bench:quick only when a compiled entry is missing.
const missing = localApps(root, { email: '' }).filter((app) => !existsSync(compiledEntry(app)));
if (!quick || missing.length > 0) {
  say(quick ? `building (missing: ${missing.map((app) => app.name).join(', ')})` : 'building (pnpm build)');
  execFileSync('pnpm', ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

let shop: BenchShop | undefined;
const baselines: BaselineProcess[] = [];
const cleanUp = async () => {
  await Promise.all(baselines.map((baseline) => baseline.stop()));
  await shop?.stop();
};
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
process.once('SIGTERM', () => void cleanUp().then(() => process.exit(143)));

try {
  say('starting the shop (separate processes: account, catalog, order, gateway) and the baselines');
  shop = await startBenchShop();
  const bareApollo = await startBaseline([join(import.meta.dirname, 'bare-apollo.mjs')], root);
  baselines.push(bareApollo);
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const response = await fetch(shop!.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (!body.data || body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };

  say('writing the bench data through the gateway: 50 products, 6 customers, 5 orders of 3 lines each');
  const { login } = await gql<{ login: { accessToken: string } }>('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: shop.admin.email, p: shop.admin.password });
  const admin = login.accessToken;
  const productIds: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    const input = { name: `Bench product ${i}`, description: 'Measured, not sold.', price: { amount: '19.99', currencyCode: 'USD' }, stock: 1_000_000 };
    productIds.push((await gql<{ createProduct: { id: string } }>('mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }', { input }, admin)).createProduct.id);
  }
  const accountIds: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    const input = { name: `Bench customer ${i}`, email: `bench.${i}.${Date.now()}@example.com` };
    accountIds.push((await gql<{ createAccount: { id: string } }>('mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }', { input }, admin)).createAccount.id);
  }
  for (const [a, accountId] of accountIds.entries()) {
    for (let o = 0; o < 5; o += 1) {
      const items = [0, 1, 2].map((k) => ({ productId: productIds[(a * 5 + o + k * 11) % 50], quantity: 1 }));
      await gql('mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id } }', { input: { accountId, items } }, admin);
    }
  }

  const apps = [...shop.processes];
  // Every process of an app counts (the gateway's primary and its workers).
  const idle = new Map(apps.map((app) => [app.name, processRss(app.pid)]));
  const peak = new Map(idle);
  const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
  const sampleMemory = () => {
    for (const app of apps) {
      const now = processRss(app.pid);
      if (total(now) > total(peak.get(app.name)!)) peak.set(app.name, now);
    }
  };

  const scenarios = {
    P1: { measure: 'anonymous product(id) through the gateway', query: `{ product(id: "${productIds[7]}") { id name price { amount currencyCode } stock } }`, target: 0.9 },
    P1b: { measure: 'products(first: 20)', query: '{ products(first: 20) { edges { node { id name price { amount } } } } }', target: 0.6 },
    P1c: {
      measure: '5 accounts × 5 orders × items × product (admin)',
      query: '{ accounts(first: 5) { edges { node { name orders(first: 5) { edges { node { total { amount } items { name quantity product { name price { amount } } } } } } } } } }',
      token: admin,
      target: 0.2,
    },
  };
  const load = (query: string, token?: string, onTick?: () => void) => graphqlLoad(shop!.gatewayUrl, query, { seconds: SECONDS, connections: CONNECTIONS, token, onTick });
  say(`GraphQL rows: ${SECONDS} s each, ${CONNECTIONS} connections (autocannon in its own process)`);
  const bare = await graphqlLoad(`http://127.0.0.1:${bareApollo.port}/`, '{ ping }', { seconds: SECONDS, connections: CONNECTIONS });
  const graphql: Record<string, HttpLoadResult> = {};
  for (const [id, scenario] of Object.entries(scenarios)) {
    graphql[id] = await load(scenario.query, 'token' in scenario ? scenario.token : undefined, id === 'P1' ? sampleMemory : undefined);
  }
  // What the gateway's workers buy here: P1 again through a second gateway with one worker per core.
  const perCore = await shop.startExtra('gateway', { GATEWAY_WORKERS: String(availableParallelism()) });
  const perCoreP1 = await graphqlLoad(`http://127.0.0.1:${perCore.port}/graphql`, scenarios.P1.query, { seconds: SECONDS, connections: CONNECTIONS });

  say('backend calls of one request of each scenario (P3)');
  const calls: Map<string, BackendCalls> = await countBackendCalls(
    shop.ports,
    Object.entries(scenarios).map(([id, scenario]) => ({ name: id, query: scenario.query, token: 'token' in scenario ? scenario.token : undefined })),
  );

  say(`catalog GetProduct over gRPC (P2): ${SECONDS} s each, ${CONNECTIONS} calls in flight; a second catalog without its cache for the misses`);
  const uncached = await shop.startExtra('catalog', { PRODUCT_CACHE_MAX_ENTRIES: '0' });
  const bareGrpc = await startBaseline(['--import', 'tsx', '--conditions=shop-src', join(import.meta.dirname, 'bare-grpc.ts'), `127.0.0.1:${shop.ports.catalog}`, productIds[7]!], root);
  baselines.push(bareGrpc);
  const grpcLoad = (port: number) => catalogGrpcLoad(port, productIds[7]!, SECONDS, CONNECTIONS);
  const grpcBare = await grpcLoad(bareGrpc.port);
  const grpcHit = await grpcLoad(shop.ports.catalog);
  const grpcMiss = await grpcLoad(uncached.port);

  say(`createOrder (P6): the bare pg transaction, then ${ORDER_RATE}/s for ${ORDER_SECONDS} s through the gateway, each order followed until it settles`);
  const barePg = await bareOrderTransactions(shop.databaseUrls.order, Math.max(2, SECONDS / 2), CONNECTIONS);
  // What createOrder answers at most with CONNECTIONS requests in flight (the settling follows on its own).
  const orderInput = `{ accountId: "${accountIds[0]}", items: [{ productId: "${productIds[3]}", quantity: 1 }] }`;
  const INFRASTRUCTURE = ['postgres', 'nats-server'] as const;
  const cpuBefore = { machine: machineBusyMs(), apps: apps.map((app) => processTreeCpuMs(app.pid)), infrastructure: commandCpuMs(INFRASTRUCTURE) };
  const closedLoop = await load(`mutation { createOrder(input: ${orderInput}) { id status } }`, admin);
  await waitForSettling(shop.databaseUrls.order);
  // Where an order's CPU goes, creation and settling included (the machine's share: Postgres, NATS, the load, the kernel).
  const orderCpu = {
    machine: (machineBusyMs() - cpuBefore.machine) / closedLoop.total,
    apps: Object.fromEntries(apps.map((app, i) => [app.name, (processTreeCpuMs(app.pid) - cpuBefore.apps[i]!) / closedLoop.total])),
    infrastructure: Object.fromEntries(Object.entries(commandCpuMs(INFRASTRUCTURE)).map(([name, ms]) => [name, (ms - cpuBefore.infrastructure[name]!) / closedLoop.total])),
  };
  const plan: OrderLoadPlan = { gatewayUrl: shop.gatewayUrl, natsUrl: shop.natsUrl, token: admin, accountIds, productIds, ratePerSecond: ORDER_RATE, seconds: ORDER_SECONDS, drainSeconds: 15 };
  const { stdout: orderOut } = await run(process.execPath, ['--import', 'tsx', '--conditions=shop-src', join(import.meta.dirname, 'order-load.ts'), JSON.stringify(plan)], { cwd: root, maxBuffer: 1 << 20 });
  const orders = JSON.parse(orderOut.trim().split('\n').at(-1)!) as OrderLoadResult;

  const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')}/s`;
  const rows: BenchRow[] = [];
  for (const [id, scenario] of Object.entries(scenarios)) {
    const result = graphql[id]!;
    const ratio = result.perSecond / bare.perSecond;
    rows.push({
      id,
      measure: scenario.measure,
      value: `${perSecond(result.perSecond)} p99 ${result.p99} ms${result.errors ? ` ${result.errors} errors` : ''}`,
      baseline: `bare Apollo ${perSecond(bare.perSecond)}`,
      ratio,
      target: `≥ ${scenario.target} of bare Apollo`,
      met: ratio >= scenario.target && result.errors === 0,
      calls: calls.get(id)?.perService,
    });
  }
  const processes = processRss(apps.find((app) => app.name === 'gateway')!.pid).length;
  rows.push({
    id: 'P1 cores',
    measure: `P1 through a gateway of ${availableParallelism()} workers (one per core)`,
    value: `${perSecond(perCoreP1.perSecond)} p99 ${perCoreP1.p99} ms`,
    baseline: `bare Apollo ${perSecond(bare.perSecond)}`,
    ratio: perCoreP1.perSecond / bare.perSecond,
    target: `(P1's gateway: ${processes > 1 ? `${processes - 1} workers` : 'one process'})`,
    met: perCoreP1.errors === 0,
  });
  for (const [id, result, target] of [['P2 hit', grpcHit, 0.95], ['P2 miss', grpcMiss, 0.8]] as const) {
    const ratio = result.perSecond / grpcBare.perSecond;
    rows.push({
      id,
      measure: `catalog GetProduct over gRPC, cache ${id.endsWith('hit') ? 'hit' : 'off (Postgres)'}`,
      value: `${perSecond(result.perSecond)} p99 ${result.p99.toFixed(1)} ms`,
      baseline: `bare grpc-js ${perSecond(grpcBare.perSecond)}`,
      ratio,
      target: `≥ ${target} of bare grpc-js`,
      met: ratio >= target && result.errors === 0,
    });
  }
  const nested = calls.get('P1c')!;
  rows.push({
    id: 'P3',
    measure: 'backend calls of the nested query (P1c)',
    value: Object.entries(nested.perService).map(([service, count]) => `${service} ${count}`).join(', '),
    baseline: '3 levels: account, order, catalog',
    target: '≤ 1 per service per level',
    met: Object.values(nested.perService).every((count) => count <= 1),
    calls: nested.perService,
  });
  rows.push({
    id: 'P6 max',
    measure: `createOrder answered, ${CONNECTIONS} in flight (closed loop)`,
    value: `${perSecond(closedLoop.perSecond)} p99 ${closedLoop.p99} ms${closedLoop.errors ? ` ${closedLoop.errors} errors` : ''}`,
    baseline: `bare pg ${perSecond(barePg)}`,
    ratio: closedLoop.perSecond / barePg,
    target: '(what P6 can reach)',
    met: closedLoop.errors === 0,
  });
  const orderRatio = orders.createdPerSecond / barePg;
  const failures = Object.values(orders.errors).reduce((sum, count) => sum + count, 0) + orders.skipped;
  rows.push({
    id: 'P6',
    measure: `createOrder at ${ORDER_RATE}/s for ${ORDER_SECONDS} s, every order settled`,
    value: `${perSecond(orders.createdPerSecond)}, ${orders.unsettled} unsettled, settle p50 ${orders.settleP50Ms.toFixed(0)} p99 ${orders.settleP99Ms.toFixed(0)} ms${failures ? `, ${failures} failed` : ''}`,
    baseline: `bare pg ${perSecond(barePg)}`,
    ratio: orderRatio,
    target: '≥ 400/s, p99 ≤ 1 s, ≥ 0.25 of bare pg',
    met: orders.createdPerSecond >= 0.98 * 400 && orders.unsettled === 0 && failures === 0 && orders.settleP99Ms <= 1_000 && orderRatio >= 0.25,
  });
  for (const app of apps) {
    const [idleAll, peakAll] = [idle.get(app.name)!, peak.get(app.name)!];
    const processes = idleAll.length > 1 ? ` (${idleAll.length} processes: ${peakAll.map(megabytes).join(' + ')})` : '';
    rows.push({
      id: 'P7',
      measure: `RSS of ${app.name} (node dist/main.js), idle / under P1`,
      value: `${megabytes(total(idleAll))} / ${megabytes(total(peakAll))}${processes}`,
      baseline: '',
      target: '≤ 80 MB / ≤ 150 MB',
      met: total(idleAll) <= 80 * 1024 ** 2 && total(peakAll) <= 150 * 1024 ** 2,
    });
  }

  const elapsed = (Date.now() - startedAt.getTime()) / 1000;
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`;
  console.log(`\n${quick ? 'bench:quick' : 'bench'}: ${machine}; ${SECONDS} s per load row, ${CONNECTIONS} in flight\n`);
  console.log(formatTable(rows));
  console.log('\nbackend calls of one request:');
  for (const [id, counted] of calls) console.log(`  ${id}: ${counted.methods.join(', ') || 'none'}`);
  console.log(
    `\ncreateOrder load: ${orders.sent} sent, ${orders.created} created, ${orders.skipped} not sent (512 waiting), errors ${JSON.stringify(orders.errors)}, ` +
      `settled ${orders.settled} (${perSecond(orders.settledPerSecond)}), settle max ${orders.settleMaxMs.toFixed(0)} ms`,
  );
  console.log(
    `CPU per order (closed loop, settling included): ${Object.entries({ ...orderCpu.apps, ...orderCpu.infrastructure }).map(([name, ms]) => `${name} ${ms.toFixed(2)} ms`).join(', ')}; ` +
      `the whole machine ${orderCpu.machine.toFixed(2)} ms (${cpus().length} cores: at most ${Math.round((cpus().length * 1000) / orderCpu.machine)} orders/s)`,
  );
  const path = writeResults(root, { quick, startedAt: startedAt.toISOString(), seconds: elapsed, machine, rows, details: { bare, graphql, grpc: { bare: grpcBare, hit: grpcHit, miss: grpcMiss }, barePg, closedLoop, orders, orderCpu } });
  console.log(`\n${rows.filter((row) => row.met).length} of ${rows.length} rows meet their target; took ${elapsed.toFixed(0)} s; JSON: ${path.slice(root.length + 1)}`);
} finally {
  await cleanUp();
}
