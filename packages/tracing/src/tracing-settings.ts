/** What tracing is told by the standard OpenTelemetry variables; undefined endpoint means tracing is off. */
export interface TracingSettings {
  endpoint: string | undefined;
  protocol: 'http/protobuf' | 'http/json';
}

/** Thrown for an OTEL_* variable the shop cannot honour, naming it. */
export class TracingConfigError extends Error {}

const PROTOCOLS = ['http/protobuf', 'http/json'] as const;

/**
 * Reads OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) and OTEL_EXPORTER_OTLP_PROTOCOL (or
 * its _TRACES_ form). An empty value counts as unset. Only the two HTTP protocols are supported; `grpc` is refused
 * by name rather than silently sending nothing.
 */
export function tracingSettings(env: NodeJS.ProcessEnv = process.env): TracingSettings {
  const text = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const endpoint = text('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? text('OTEL_EXPORTER_OTLP_ENDPOINT');
  const protocolName = text('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = text(protocolName) ?? 'http/protobuf';
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) {
    throw new TracingConfigError(`${protocolName}: must be http/protobuf or http/json (got "${protocol}")`);
  }
  if (endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new TracingConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT: must be an http or https URL (got "${endpoint}")`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TracingConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT: must be an http or https URL (got "${endpoint}")`);
  }
  return { endpoint, protocol: protocol as TracingSettings['protocol'] };
}
