import { describe, expect, it } from '@jest/globals';
import { mapHosts } from './host-mapping.js';

describe('mapHosts', () => {
  const hosts = new Map([
    ['postgres', new Map([[5432, '127.0.0.1:41000']])],
    ['elasticsearch', new Map([[9200, '127.0.0.1:41001']])],
    ['account', new Map([[50051, '127.0.0.1:50051']])],
  ]);

  it('points URLs and host:port values at the stand-ins, keeping credentials and paths', () => {
    expect(mapHosts('postgres://account:p%40ss@postgres:5432/shop_account', hosts, 'x')).toBe('postgres://account:p%40ss@127.0.0.1:41000/shop_account');
    expect(mapHosts('http://elasticsearch:9200', hosts, 'x')).toBe('http://127.0.0.1:41001');
    expect(mapHosts('account:50051', hosts, 'x')).toBe('127.0.0.1:50051');
    expect(mapHosts('postgres://u@postgres/db', hosts, 'x')).toBe('postgres://u@127.0.0.1:41000/db');
  });

  it('leaves values that name no service alone', () => {
    expect(mapHosts('info', hosts, 'x')).toBe('info');
    expect(mapHosts('nats://example.org:4222', hosts, 'x')).toBe('nats://example.org:4222');
  });

  it('refuses a port the container does not listen on', () => {
    expect(() => mapHosts('account:50052', hosts, 'services.order.environment.ACCOUNT_GRPC_ADDRESS')).toThrow(
      'services.order.environment.ACCOUNT_GRPC_ADDRESS points at account:50052, but account listens on 50051',
    );
  });
});
