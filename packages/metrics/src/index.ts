export * from './registry.js';
export * from './metrics-server.js';
export * from './cluster-metrics.js';
export * from './grpc-server-metrics.js';
export * from './sampled-series.js';
export * from './shared-series.js';
// The metric types, from the one prom-client every package shares.
export { Counter, Gauge, Histogram } from 'prom-client';
