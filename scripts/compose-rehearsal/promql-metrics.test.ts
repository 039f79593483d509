import { describe, expect, it } from '@jest/globals';
import { labelNames, metricNames } from './promql-metrics.js';

describe('metricNames', () => {
  it('finds the metrics of dashboard expressions, not functions, labels, ranges, variables or numbers', () => {
    expect(metricNames('histogram_quantile(0.99, sum by (service, grpc_method, le) (rate(grpc_server_handling_seconds_bucket{service=~"$service"}[$__rate_interval])))')).toEqual([
      'grpc_server_handling_seconds_bucket',
    ]);
    expect(metricNames('(sum(rate(a_total{code!="OK"}[5m])) or vector(0)) / sum(rate(a_total[5m])) > 1e-9')).toEqual(['a_total']);
    expect(metricNames('sum(max by (database) (outbox_age_seconds)) + on(service) group_left(pool) pg_pool_waiting_clients offset 5m')).toEqual([
      'outbox_age_seconds',
      'pg_pool_waiting_clients',
    ]);
    expect(metricNames('up')).toEqual(['up']);
  });

  it('finds the labels an expression matches on or groups by', () => {
    expect(labelNames('histogram_quantile(0.99, sum by (service, grpc_method, le) (rate(x_bucket{service=~"$service", grpc_code!="OK"}[1m])))')).toEqual([
      'service',
      'grpc_code',
      'grpc_method',
      'le',
    ]);
    expect(labelNames('a / on(pool) group_left(state) b{x="a,b=c"}')).toEqual(['x', 'pool', 'state']);
    expect(labelNames('sum(up)')).toEqual([]);
  });
});
