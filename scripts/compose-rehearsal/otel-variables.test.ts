import { describe, expect, it } from '@jest/globals';
import { otelVariableProblems } from './otel-variables.js';

describe('otelVariableProblems', () => {
  const compose = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_SERVICE_NAME: 'order', OTEL_TRACES_SAMPLER: '', OTEL_TRACES_SAMPLER_ARG: '' };

  it('accepts the compose defaults (empty sampler: the SDK default) and a ratio sampler', () => {
    expect(otelVariableProblems(compose)).toEqual([]);
    expect(otelVariableProblems({ ...compose, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' })).toEqual([]);
  });

  it('names what the SDK would ignore or misread', () => {
    expect(otelVariableProblems({ ...compose, OTEL_EXPORTER_OTLP_PROTOCOL: 'http', OTEL_EXPORTER_OTLP_ENDPOINT: 'otel-collector:4318', OTEL_TRACES_SAMPLER_ARG: '0.1' })).toEqual([
      'OTEL_EXPORTER_OTLP_PROTOCOL is "http", not one of grpc, http/protobuf, http/json',
      'OTEL_EXPORTER_OTLP_ENDPOINT is "otel-collector:4318", not an http:// or https:// URL',
      'OTEL_TRACES_SAMPLER_ARG is "0.1", which the default sampler ignores (set OTEL_TRACES_SAMPLER=parentbased_traceidratio)',
    ]);
    expect(otelVariableProblems({ ...compose, OTEL_TRACES_SAMPLER: 'ratio', OTEL_SERVICE_NAME: '' })).toEqual([
      'OTEL_SERVICE_NAME is empty: the traces would say unknown_service',
      'OTEL_TRACES_SAMPLER is "ratio", not one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio, jaeger_remote, parentbased_jaeger_remote',
    ]);
    expect(otelVariableProblems({ ...compose, OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '10%' })).toEqual(['OTEL_TRACES_SAMPLER_ARG is "10%", not a ratio from 0 to 1']);
  });
});
