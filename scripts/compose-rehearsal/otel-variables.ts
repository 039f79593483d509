// OpenTelemetry's standard environment variables are read by its SDK straight from process.env, not by an app's
// config schema: config-coverage.ts takes these names as read, and checks their values here instead.

/**
 * The OpenTelemetry SDK variables (names from its specification) docker-compose.yaml may give an app. Listed one
 * by one rather than matched as OTEL_*, so that a misspelt name still fails the rehearsal.
 */
export const OTEL_SDK_VARIABLES: ReadonlySet<string> = new Set([
  'OTEL_SDK_DISABLED',
  'OTEL_SERVICE_NAME',
  'OTEL_RESOURCE_ATTRIBUTES',
  'OTEL_LOG_LEVEL',
  'OTEL_PROPAGATORS',
  'OTEL_TRACES_EXPORTER',
  'OTEL_TRACES_SAMPLER',
  'OTEL_TRACES_SAMPLER_ARG',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_PROTOCOL',
  'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
  'OTEL_EXPORTER_OTLP_HEADERS',
  'OTEL_EXPORTER_OTLP_TIMEOUT',
  'OTEL_EXPORTER_OTLP_COMPRESSION',
  'OTEL_BSP_SCHEDULE_DELAY',
  'OTEL_BSP_EXPORT_TIMEOUT',
  'OTEL_BSP_MAX_QUEUE_SIZE',
  'OTEL_BSP_MAX_EXPORT_BATCH_SIZE',
]);

/** The OTLP protocols the specification names; the JavaScript SDK's default is http/protobuf. */
export const OTLP_PROTOCOLS: readonly string[] = ['grpc', 'http/protobuf', 'http/json'];

const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio', 'jaeger_remote', 'parentbased_jaeger_remote'];

/**
 * What the SDK would silently ignore or misread in one app's environment: an unknown protocol or sampler, an
 * endpoint that is not an http(s) URL, a ratio outside 0..1, or a ratio given to no ratio sampler. An empty value
 * is the SDK's default. Returns the problems, each starting with the variable's name.
 */
export function otelVariableProblems(env: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const value = (name: string) => env[name]?.trim() ?? '';
  for (const name of ['OTEL_EXPORTER_OTLP_PROTOCOL', 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL']) {
    if (value(name) && !OTLP_PROTOCOLS.includes(value(name))) problems.push(`${name} is "${value(name)}", not one of ${OTLP_PROTOCOLS.join(', ')}`);
  }
  for (const name of ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) {
    if (value(name) && !/^https?:\/\/[^/]+/.test(value(name))) problems.push(`${name} is "${value(name)}", not an http:// or https:// URL`);
  }
  if ('OTEL_SERVICE_NAME' in env && !value('OTEL_SERVICE_NAME')) problems.push('OTEL_SERVICE_NAME is empty: the traces would say unknown_service');
  const sampler = value('OTEL_TRACES_SAMPLER');
  const ratio = value('OTEL_TRACES_SAMPLER_ARG');
  if (sampler && !SAMPLERS.includes(sampler)) problems.push(`OTEL_TRACES_SAMPLER is "${sampler}", not one of ${SAMPLERS.join(', ')}`);
  if (ratio && sampler.endsWith('traceidratio')) {
    const number = Number(ratio);
    if (!Number.isFinite(number) || number < 0 || number > 1) problems.push(`OTEL_TRACES_SAMPLER_ARG is "${ratio}", not a ratio from 0 to 1`);
  } else if (ratio && !sampler.endsWith('jaeger_remote')) {
    problems.push(`OTEL_TRACES_SAMPLER_ARG is "${ratio}", which ${sampler ? `the sampler ${sampler}` : 'the default sampler'} ignores (set OTEL_TRACES_SAMPLER=parentbased_traceidratio)`);
  }
  return problems;
}
