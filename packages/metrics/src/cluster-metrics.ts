import { AggregatorRegistry } from 'prom-client';
import { metricsRegistry } from './registry.js';
import type { MetricsSource } from './metrics-server.js';

/**
 * For a node:cluster primary: the /metrics source that asks every worker for its series and sums them (one
 * gateway, however many workers answer its port). Call it before forking.
 */
export function clusterMetricsSource(): MetricsSource {
  const aggregator = new AggregatorRegistry();
  return { metrics: () => aggregator.clusterMetrics(), contentType: aggregator.contentType };
}

/** For a node:cluster worker: answer the primary's requests with this process's registry. */
export function shareMetricsWithPrimary(): void {
  AggregatorRegistry.setRegistries([metricsRegistry]);
}
