import { createRequire } from 'node:module';
import { tracingSettings } from './tracing-settings.js';

/** A started tracer provider: flushes what is buffered and stops (at the end of the app's own stop). */
export interface Tracing {
  stop(): Promise<void>;
}

const OFF: Tracing = { stop: async () => {} };

/** What the instrumentations patch, loaded once they are enabled (see startTracing). */
const INSTRUMENTED_MODULES = ['http', 'https', '@grpc/grpc-js', 'pg'];

/**
 * Starts OpenTelemetry for this process from the standard variables, BEFORE the app's modules load: the http,
 * gRPC and pg instrumentations patch those modules, which must not have been loaded yet. Without an endpoint
 * nothing is loaded at all. `service` is the name used when
 * OTEL_SERVICE_NAME is not set. Sampling follows OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG.
 */
export async function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): Promise<Tracing> {
  const settings = tracingSettings(env);
  if (settings.endpoint === undefined) return OFF;
  // The instrumentations first: they patch modules as `require` loads them, and the SDK's own imports load some
  // of them (its gRPC exporter loads @grpc/grpc-js), which must come after.
  const [{ HttpInstrumentation }, { GrpcInstrumentation }, { PgInstrumentation }] = await Promise.all([
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-grpc'),
    import('@opentelemetry/instrumentation-pg'),
  ]);
  const instrumentations = [
    // Health checks and /metrics scrapes are not requests anyone wants a trace of.
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => /^\/(healthz|readyz|metrics)\b/.test(request.url ?? '') }),
    new GrpcInstrumentation({ ignoreGrpcMethods: ['Check', 'Watch'] }),
    // Statements as text (no values: parameters may be passwords or tokens), and only inside a traced request or
    // event: the relay's polls, the pruners and migrations would otherwise each make a trace of their own.
    new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
  ];
  // The app imports these through ESM, which does not go through `require`: required here first, the app's
  // imports get the same, patched, modules. (An ESM loader hook would do it too, but runs in a thread of its own:
  // about 70 MB more per process.)
  const require = createRequire(import.meta.url);
  for (const name of INSTRUMENTED_MODULES) require(name);
  const [{ NodeSDK }, { BatchSpanProcessor }] = await Promise.all([import('@opentelemetry/sdk-node'), import('@opentelemetry/sdk-trace')]);
  // The exporters read the endpoint, headers and timeouts from the same variables themselves.
  const { OTLPTraceExporter } = settings.protocol === 'http/json' ? await import('@opentelemetry/exporter-trace-otlp-http') : await import('@opentelemetry/exporter-trace-otlp-proto');
  const sdk = new NodeSDK({
    // OTEL_SERVICE_NAME, when set, wins over this name (the SDK's env detector reads it).
    ...(env.OTEL_SERVICE_NAME?.trim() ? {} : { serviceName: service }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })],
    instrumentations,
  });
  sdk.start();
  return { stop: () => sdk.shutdown().catch(() => {}) };
}
