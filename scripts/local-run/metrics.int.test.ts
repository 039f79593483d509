import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parsePrometheusText, waitFor, type PrometheusSample } from '@shop/testing';
import { gatewayGraphql, repositoryRoot, shopForTests } from './shop-under-test.js';

// Every process of `pnpm start` serves /metrics on its own METRICS_PORT. After some traffic (the seed: products,
// customers and their orders through the services; a few GraphQL requests through the gateway), each one's page
// must parse as Prometheus text and hold the series its dashboards read.

const APPS = ['account', 'catalog', 'order', 'gateway'] as const;
type App = (typeof APPS)[number];

const local = shopForTests('metrics', { extraEnv: () => ({ ADMIN_PASSWORD: 'metrics-test-admin-password' }) });

async function scrape(app: App): Promise<PrometheusSample[]> {
  const response = await fetch(`http://127.0.0.1:${local.env[`${app.toUpperCase()}_METRICS_PORT`]}/metrics`);
  expect(response.status).toBe(200);
  return parsePrometheusText(await response.text()).samples;
}

const graphql = (query: string, variables: Record<string, unknown> = {}) => gatewayGraphql(local.env, query, variables);

const has = (samples: PrometheusSample[], name: string, labels: Record<string, string> = {}) =>
  samples.some((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
const total = (samples: PrometheusSample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value)).reduce((sum, sample) => sum + sample.value, 0);

describe('/metrics of every process of pnpm start', () => {
  it('parses as Prometheus text and has the RED, outbox, consumer, cache, loader, pool, event-loop and memory series after traffic', async () => {
    const seedEnv = {
      ...local.env,
      ACCOUNT_GRPC_ADDRESS: `127.0.0.1:${local.env.ACCOUNT_GRPC_PORT}`,
      CATALOG_GRPC_ADDRESS: `127.0.0.1:${local.env.CATALOG_GRPC_PORT}`,
      ORDER_GRPC_ADDRESS: `127.0.0.1:${local.env.ORDER_GRPC_PORT}`,
    };
    await promisify(execFile)(process.execPath, ['--import', 'tsx', '--conditions=shop-src', 'scripts/seed/src/main.ts'], { cwd: repositoryRoot, env: seedEnv });
    const page = await graphql('query Products { products(first: 5) { edges { node { id name } } } }');
    const edges = (page.data?.products as { edges: { node: { id: string } }[] }).edges;
    expect(edges.length).toBeGreaterThan(0);
    expect((await graphql('query OneProduct($id: ID!) { product(id: $id) { name } }', { id: edges[0]!.node.id })).errors).toBeUndefined();
    expect((await graphql('query Broken { nope }')).errors).toBeDefined();
    // The seed's orders settle through both sides of the saga.
    await waitFor('the orders settled', async () => total(await scrape('order'), 'event_consumer_events_handled_total', { consumer: 'order-stock-saga' }) >= 1);

    const pages = Object.fromEntries(await Promise.all(APPS.map(async (app) => [app, await scrape(app)] as const))) as Record<App, PrometheusSample[]>;
    for (const app of APPS) {
      const samples = pages[app];
      expect({ app, memory: has(samples, 'process_resident_memory_bytes', { service: app }) }).toEqual({ app, memory: true });
      expect({ app, eventLoop: has(samples, 'nodejs_eventloop_lag_p99_seconds', { service: app }) }).toEqual({ app, eventLoop: true });
    }
    for (const app of ['account', 'catalog', 'order'] as const) {
      const samples = pages[app];
      expect({ app, calls: total(samples, 'grpc_server_handled_total', { grpc_code: 'OK' }) > 0 }).toEqual({ app, calls: true });
      expect({ app, duration: total(samples, 'grpc_server_handling_seconds_count') > 0 }).toEqual({ app, duration: true });
      expect({ app, pool: has(samples, 'pg_pool_connections', { pool: app, state: 'idle' }) && has(samples, 'pg_pool_waiting_clients', { pool: app }) }).toEqual({ app, pool: true });
      expect({ app, outbox: has(samples, 'outbox_oldest_unpublished_age_seconds', { database: app }) }).toEqual({ app, outbox: true });
    }
    for (const [app, consumer] of [['catalog', 'catalog-stock-saga'], ['order', 'order-stock-saga']] as const) {
      const samples = pages[app];
      expect(has(samples, 'event_consumer_pending_messages', { consumer, durable: `${consumer}-0` })).toBe(true);
      expect(total(samples, 'event_consumer_events_handled_total', { consumer })).toBeGreaterThan(0);
      expect(has(samples, 'event_consumer_redeliveries_total', { consumer })).toBe(true);
      expect(has(samples, 'event_consumer_dead_letters_total', { consumer })).toBe(true);
    }
    expect(total(pages.catalog, 'read_cache_lookups_total', { cache: 'product' })).toBeGreaterThan(0);
    expect(has(pages.account, 'read_cache_lookups_total', { cache: 'account', result: 'hit' })).toBe(true);
    const gateway = pages.gateway;
    expect(total(gateway, 'graphql_requests_total', { operation_name: 'Products', operation_type: 'query', code: 'OK' })).toBe(1);
    expect(total(gateway, 'graphql_requests_total', { operation_name: '(invalid)' })).toBe(1);
    expect(total(gateway, 'graphql_request_duration_seconds_count', { operation_name: 'OneProduct' })).toBe(1);
    expect(total(gateway, 'dataloader_batch_size_count', { loader: 'product' })).toBeGreaterThan(0);
  }, 180_000);
});
