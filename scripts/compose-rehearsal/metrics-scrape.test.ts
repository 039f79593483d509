import { describe, expect, it } from '@jest/globals';
import { exposes, parseExposition, queryProblems } from './metrics-scrape.js';

const TEXT = `# HELP grpc_server_handling_seconds Time.
# TYPE grpc_server_handling_seconds histogram
grpc_server_handling_seconds_bucket{le="0.001",grpc_service="shop.A",grpc_method="Get",service="account"} 3
# HELP dataloader_batch_size Keys per batch.
# TYPE dataloader_batch_size histogram
# TYPE event_consumer_dead_letters_total counter
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes{service="account"} 81920000
odd_label{service="account",path="a \\"quoted\\" value"} 1
`;

describe('parseExposition and exposes', () => {
  const exposition = parseExposition(TEXT);

  it('reads families and samples with their labels', () => {
    expect(exposition.types.get('grpc_server_handling_seconds')).toBe('histogram');
    expect(exposition.samples).toEqual([
      { name: 'grpc_server_handling_seconds_bucket', labels: { le: '0.001', grpc_service: 'shop.A', grpc_method: 'Get', service: 'account' } },
      { name: 'process_resident_memory_bytes', labels: { service: 'account' } },
      { name: 'odd_label', labels: { service: 'account', path: 'a \\"quoted\\" value' } },
    ]);
  });

  it('counts a declared family without samples, and a histogram\'s parts', () => {
    expect(exposes(exposition, 'grpc_server_handling_seconds_bucket')).toBe(true);
    expect(exposes(exposition, 'dataloader_batch_size_bucket')).toBe(true);
    expect(exposes(exposition, 'event_consumer_dead_letters_total')).toBe(true);
    expect(exposes(exposition, 'process_resident_memory_bytes')).toBe(true);
    expect(exposes(exposition, 'process_resident_memory_bytes_count')).toBe(false);
    expect(exposes(exposition, 'graphql_requests_total')).toBe(false);
  });

  it('reports a metric no app serves, and a label the metric\'s samples do not carry', () => {
    expect(queryProblems([exposition], ['sum by (service, grpc_method, le) (rate(grpc_server_handling_seconds_bucket[1m]))', 'sum(rate(dataloader_batch_size_bucket{loader="x"}[1m]))'])).toEqual([]);
    expect(queryProblems([exposition], ['sum by (grpc_code) (rate(grpc_server_handling_seconds_bucket[1m]))', 'sum(rate(graphql_requests_total[1m]))'])).toEqual([
      'the dashboards query graphql_requests_total, which no app\'s /metrics has: those panels would stay empty',
      'a dashboard asks grpc_server_handling_seconds_bucket for the label(s) grpc_code, which its samples do not have (le, grpc_service, grpc_method, service): sum by (grpc_code) (rate(grpc_server_handling_seconds_bucket[1m]))',
    ]);
  });
});
