/** The observability containers the rehearsal knows: each is checked (observability.ts), none can run here. */
export type ObservabilityKind = 'otel-collector' | 'jaeger' | 'prometheus' | 'grafana';

const IMAGES: readonly { kind: ObservabilityKind; image: RegExp; port: number }[] = [
  // 4318: the OTLP/HTTP receiver the apps' OTEL_EXPORTER_OTLP_ENDPOINT names by default.
  { kind: 'otel-collector', image: /(^|\/)opentelemetry-collector(-contrib)?:/, port: 4318 },
  { kind: 'jaeger', image: /(^|\/)jaegertracing\/(all-in-one|jaeger):/, port: 16686 },
  { kind: 'prometheus', image: /(^|\/)prom(etheus)?\/prometheus:/, port: 9090 },
  { kind: 'grafana', image: /(^|\/)grafana\/grafana(-oss)?:/, port: 3000 },
];

/** Which observability container an image is, and the port that matters on it; undefined for any other image. */
export function observabilityImage(image: string | undefined): { kind: ObservabilityKind; port: number } | undefined {
  const known = IMAGES.find((entry) => entry.image.test(image ?? ''));
  return known && { kind: known.kind, port: known.port };
}
