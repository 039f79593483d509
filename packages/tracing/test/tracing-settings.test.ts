import { describe, expect, it } from '@jest/globals';
import { startTracing, tracingSettings } from '../src/index.js';

describe('tracingSettings', () => {
  it('is off without an endpoint, an empty one included, and takes the traces-only variables first', () => {
    expect(tracingSettings({})).toEqual({ endpoint: undefined, protocol: 'http/protobuf' });
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }).endpoint).toBeUndefined();
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:4318' }).endpoint).toBe('http://traces:4318');
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }).protocol).toBe('http/json');
  });

  it('refuses a protocol it cannot send and an endpoint that is not an http URL, naming the variable', () => {
    expect(() => tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/^OTEL_EXPORTER_OTLP_PROTOCOL: must be http\/protobuf or http\/json \(got "grpc"\)$/);
    expect(() => tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'thrift' })).toThrow(/^OTEL_EXPORTER_OTLP_TRACES_PROTOCOL:/);
    expect(() => tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/^OTEL_EXPORTER_OTLP_ENDPOINT: must be an http or https URL/);
    expect(() => tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' })).toThrow(/^OTEL_EXPORTER_OTLP_ENDPOINT:/);
  });

  it('starts nothing without an endpoint: the returned stop is a no-op', async () => {
    const tracing = await startTracing('test', {});
    await expect(tracing.stop()).resolves.toBeUndefined();
  });
});
