import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsRegistry } from './registry.js';

/** What /metrics serves: the process's registry, or the sum of a cluster's workers (clusterMetricsSource). */
export interface MetricsSource {
  metrics(): Promise<string>;
  contentType: string;
}

/** A running /metrics server. */
export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the registry as Prometheus text on `GET /metrics`, on a port of its own (METRICS_PORT), so that the
 * public GraphQL port never shows it; anything else is 404 (405 for another method on /metrics).
 */
export async function startMetricsServer(options: { port: number; host: string; source?: MetricsSource }): Promise<MetricsServer> {
  const source: MetricsSource = options.source ?? metricsRegistry;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    source.metrics().then(
      (text) => response.writeHead(200, { 'content-type': source.contentType }).end(request.method === 'HEAD' ? undefined : text),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  // A scrape that stalls must not hold a connection open for long.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
