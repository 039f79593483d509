import { status as Status, ServerInterceptingCall, type ServerInterceptor } from '@grpc/grpc-js';
import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from './registry.js';

const handled = new Counter({
  name: 'grpc_server_handled_total',
  help: 'gRPC calls completed by the server, by method and status code.',
  labelNames: ['grpc_service', 'grpc_method', 'grpc_code'] as const,
  registers: [metricsRegistry],
});

const duration = new Histogram({
  name: 'grpc_server_handling_seconds',
  help: 'Time from a gRPC call arriving to its status being sent, by method.',
  labelNames: ['grpc_service', 'grpc_method'] as const,
  // 1 ms to 10 s: a cache hit answers in about a millisecond, a deadline is 5 s.
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/**
 * Rate, errors and duration of every call (the names of grpc-ecosystem's Prometheus interceptors, which
 * dashboards know). Methods are the server's own, so the labels are bounded; an unknown method never gets here.
 */
export function grpcServerMetrics(): ServerInterceptor {
  return (methodDescriptor, call) => {
    const [, service = '', method = ''] = methodDescriptor.path.split('/');
    const stop = duration.startTimer({ grpc_service: service, grpc_method: method });
    return new ServerInterceptingCall(call, {
      sendStatus(status, next) {
        stop();
        handled.inc({ grpc_service: service, grpc_method: method, grpc_code: Status[status.code] ?? String(status.code) });
        next(status);
      },
    });
  };
}
