import type { ComposeService } from './compose-file.js';
import { OTLP_PROTOCOLS } from './otel-variables.js';

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const section = (config: Raw, name: string): Raw => (isRecord(config[name]) ? config[name] : {});
const names = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** host and port of a collector endpoint written as host:port or as a URL. */
function endpointOf(value: string): { host: string; port: number } | undefined {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? new URL(value) : undefined;
  if (url) return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port) };
  const match = /^(.*):(\d+)$/.exec(value);
  return match ? { host: match[1]!.replace(/^\[|\]$/g, ''), port: Number(match[2]) } : undefined;
}

/** Where an otlp receiver listens for one protocol: the endpoint given, or the collector's default (localhost). */
function receiverEndpoint(receiver: Raw, protocol: 'grpc' | 'http'): { host: string; port: number } | undefined {
  const protocols = section(receiver, 'protocols');
  if (!(protocol in protocols)) return undefined;
  const settings = section(protocols, protocol);
  const fallback = protocol === 'grpc' ? 'localhost:4317' : 'localhost:4318';
  return endpointOf(typeof settings.endpoint === 'string' ? settings.endpoint : fallback);
}

/**
 * Checks the collector's configuration and how the apps reach it: every component a pipeline names is declared;
 * a traces pipeline exports to no debug or logging exporter (they would print every span) and each exporter's
 * endpoint is a compose service; and each app's OTLP endpoint names the collector's service, on the port of an
 * otlp receiver of its protocol, in a traces pipeline, listening on every interface (the collector's own default
 * is localhost, which no other container reaches), with OTEL_SERVICE_NAME its service name (as its metrics'
 * `service` label, so traces and dashboards agree). Returns the problems, and one line saying what was checked.
 */
export function collectorProblems(config: unknown, file: string, collector: ComposeService, services: readonly ComposeService[]): { problems: string[]; summary: string } {
  const problems: string[] = [];
  if (!isRecord(config)) return { problems: [`${file} is not a collector configuration (a mapping)`], summary: '' };
  const pipelines = section(section(config, 'service'), 'pipelines');
  for (const [pipeline, raw] of Object.entries(pipelines)) {
    for (const kind of ['receivers', 'processors', 'exporters']) {
      const declared = section(config, kind);
      for (const name of names(isRecord(raw) ? raw[kind] : undefined)) {
        if (!(name in declared)) problems.push(`${file}: pipeline ${pipeline} uses the ${kind.slice(0, -1)} ${name}, which ${kind}: does not declare`);
      }
    }
  }
  const traces = Object.entries(pipelines).filter(([name]) => name === 'traces' || name.startsWith('traces/'));
  if (traces.length === 0) problems.push(`${file} has no traces pipeline, so the apps' spans go nowhere`);
  const tracesOf = (kind: string) => [...new Set(traces.flatMap(([, raw]) => names(isRecord(raw) ? raw[kind] : undefined)))];

  for (const exporter of tracesOf('exporters')) {
    if (/^(debug|logging)(\/|$)/.test(exporter)) problems.push(`${file}: the traces pipeline exports to ${exporter}, which prints every span into the collector's log`);
    const endpoint = section(section(config, 'exporters'), exporter).endpoint;
    const target = typeof endpoint === 'string' ? endpointOf(endpoint) : undefined;
    if (target && !services.some((service) => service.name === target.host)) problems.push(`${file}: the exporter ${exporter} sends to ${String(endpoint)}, but ${target.host} is no service of docker-compose.yaml`);
  }

  const receivers = section(config, 'receivers');
  const senders: string[] = [];
  for (const app of services.filter((service) => service.build)) {
    const endpoint = app.environment.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || app.environment.OTEL_EXPORTER_OTLP_ENDPOINT;
    if (!endpoint) continue;
    const where = `services.${app.name}.environment`;
    const protocol = app.environment.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || app.environment.OTEL_EXPORTER_OTLP_PROTOCOL || 'http/protobuf';
    const target = endpointOf(endpoint);
    if (!OTLP_PROTOCOLS.includes(protocol) || !target) continue; // otelVariableProblems reports these
    if (target.host !== collector.name) {
      problems.push(`${where}.OTEL_EXPORTER_OTLP_ENDPOINT is ${endpoint}, not the collector (services.${collector.name})`);
      continue;
    }
    const kind = protocol === 'grpc' ? 'grpc' : 'http';
    const listening = tracesOf('receivers').flatMap((name) => {
      const receiver = section(receivers, name);
      const at = name === 'otlp' || name.startsWith('otlp/') ? receiverEndpoint(receiver, kind) : undefined;
      return at ? [{ name, ...at }] : [];
    });
    const match = listening.find((receiver) => receiver.port === target.port);
    if (!match) {
      problems.push(`${where}.OTEL_EXPORTER_OTLP_ENDPOINT sends ${protocol} to port ${target.port}, but the collector's traces pipeline takes OTLP/${kind} on ${listening.map((each) => each.port).join(', ') || 'no port'} (${file})`);
    } else if (!['0.0.0.0', '::', ''].includes(match.host)) {
      problems.push(`${file}: the receiver ${match.name} listens for ${kind} on ${match.host}:${match.port}, which other containers cannot reach: use 0.0.0.0:${match.port}`);
    }
    if (app.environment.OTEL_SERVICE_NAME !== app.name) {
      problems.push(`${where}.OTEL_SERVICE_NAME is "${app.environment.OTEL_SERVICE_NAME ?? ''}", not "${app.name}" (the service label of its metrics)`);
    }
    senders.push(`${app.name}`);
  }
  const chain = (kind: string) => tracesOf(kind).join(', ') || 'nothing';
  const summary = `traces: ${chain('receivers')} -> ${chain('processors')} -> ${chain('exporters')}; ${senders.join(', ') || 'no app'} send${senders.length === 1 ? 's' : ''} to it`;
  return { problems, summary };
}
